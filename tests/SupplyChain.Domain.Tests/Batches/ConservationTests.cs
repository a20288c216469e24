using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

/// <summary>Random (seeded) histories of splits, shipments with losses and merges never create or destroy product.</summary>
public sealed class ConservationTests
{
    private static readonly Gln[] Holders = [Sample.Producer, Sample.Distributor, Sample.Retailer];

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    [InlineData(2025)]
    public void Held_quantities_plus_losses_always_equal_what_was_produced(int seed)
    {
        var random = new Random(seed);
        var clock = Sample.Now;
        var original = Sample.Kg(1000m);
        var logs = new Dictionary<BatchRef, BatchLog> { };
        var root = BatchLog.Produced("ROOT", original.Value);
        logs[root.Batch] = root;
        var lost = Quantity.Zero("KGM");
        var lots = 0;
        var (merges, rejections) = (0, 0);

        for (var step = 0; step < 300; step++)
        {
            clock = clock.AddMinutes(1);
            var now = clock;
            var active = logs.Values.Where(l => l.State!.Status == BatchStatus.Active).OrderBy(l => l.Batch.Key, StringComparer.Ordinal).ToList();
            var moving = logs.Values.Where(l => l.State!.Status == BatchStatus.InTransit).OrderBy(l => l.Batch.Key, StringComparer.Ordinal).ToList();
            var action = random.Next(4);

            if (action == 0 && active.Count > 0)
            {
                var log = active[random.Next(active.Count)];
                var state = log.State!;
                var parts = new List<BatchPart>();
                var left = state.Quantity.Value;
                var count = random.Next(1, 4);
                for (var i = 0; i < count && left > 0; i++)
                {
                    // Sometimes take exactly what is left, so parents get consumed too.
                    var amount = random.Next(5) == 0 ? left : Quantity.Normalise(left * random.Next(1, 1000) / 1000m);
                    if (amount <= 0)
                    {
                        continue;
                    }

                    parts.Add(new BatchPart(new BatchRef(Sample.Tea, $"S{++lots}"), Sample.Kg(amount)));
                    left -= amount;
                }

                if (parts.Count == 0)
                {
                    continue;
                }

                var split = BatchRules.Split(state, new SplitBatch($"split-{step}", log.Batch, state.Custodian, parts, state.Location, null), now);
                log.Append(split);
                for (var i = 0; i < split.Children.Count; i++)
                {
                    var child = new BatchLog(split.Children[i].Batch);
                    child.Append(BatchRules.SplitChild(state, split, split.Children[i], EventId.Derived(split.EventId, "child", i)));
                    logs[child.Batch] = child;
                }
            }
            else if (action == 1 && active.Count > 0)
            {
                var log = active[random.Next(active.Count)];
                var state = log.State!;
                var to = Holders.Where(h => h != state.Custodian).ElementAt(random.Next(Holders.Length - 1));
                log.Append(BatchRules.Ship(state, new ShipBatch($"ship-{step}", log.Batch, state.Custodian, to, null, state.Location, null), now));
            }
            else if (action == 2 && moving.Count > 0)
            {
                var log = moving[random.Next(moving.Count)];
                var state = log.State!;
                var received = random.Next(3) == 0 ? state.Quantity : Sample.Kg(Math.Max(0.000001m, Quantity.Normalise(state.Quantity.Value * random.Next(900, 1001) / 1000m)));
                var accept = random.Next(6) != 0;
                var e = BatchRules.Receive(
                    state,
                    new ReceiveBatch($"receive-{step}", log.Batch, state.PendingReceiver!.Value, accept, received, "ok", Sample.Warehouse, null, [], "refused"),
                    Sample.Chain(),
                    now);
                if (e is BatchReceived r)
                {
                    Assert.Equal(r.Shipped, r.Received.Add(r.Loss));
                    lost = lost.Add(r.Loss);
                }
                else
                {
                    rejections++;
                }

                log.Append(e);
            }
            else if (action == 3 && active.Count > 1)
            {
                var holder = active[random.Next(active.Count)].State!.Custodian;
                var inputs = active.Where(l => l.State!.Custodian == holder).Take(random.Next(2, 5)).ToList();
                if (inputs.Count < 2)
                {
                    continue;
                }

                var output = new BatchLog(new BatchRef(Sample.Tea, $"M{++lots}"));
                var command = new MergeBatches($"merge-{step}", [.. inputs.Select(i => i.Batch)], output.Batch, holder, Sample.Warehouse, null);
                BatchRules.CheckMerge(null, command, Sample.TeaProduct());
                var joined = new List<BatchMerged>();
                for (var i = 0; i < inputs.Count; i++)
                {
                    var join = new JoinMerge(EventId.Derived(command.EventId, "merge", i), inputs[i].Batch, output.Batch, holder, Sample.Warehouse, null, "KGM");
                    joined.Add(BatchRules.JoinMerge(inputs[i].State, join, now));
                    inputs[i].Append(joined[^1]);
                }

                var created = BatchRules.MergeOutput(command, joined, [.. inputs.Select(i => i.State!.ChainId)], Sample.TeaProduct(), now);
                output.Append(created);
                logs[output.Batch] = output;
                merges++;
            }

            var held = logs.Values.Aggregate(Quantity.Zero("KGM"), (sum, l) => sum.Add(l.State!.Quantity));
            Assert.True(held.Add(lost) == original, $"seed {seed}, step {step}: held {held} + lost {lost} is not the {original} produced");
            Assert.All(logs.Values, l => Assert.True(l.State!.Quantity.Value >= 0, $"{l.Batch} holds {l.State.Quantity}"));
        }

        // The walk must have taken every path, or the invariant proves little.
        var consumed = logs.Values.Count(l => l.State!.Status == BatchStatus.Consumed);
        Assert.True(logs.Count > 10 && merges > 0 && rejections > 0 && consumed > 0 && lost.Value > 0,
            $"seed {seed}: {logs.Count} batches, {merges} merges, {rejections} rejections, {consumed} consumed, {lost} lost: the walk explored too little");
    }
}
