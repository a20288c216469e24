using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Traces;

/// <summary>The walk over a genealogy, with batches served from memory and every request counted.</summary>
public sealed class GenealogyTests
{
    private readonly Dictionary<BatchRef, BatchLog> _logs = [];
    private readonly Dictionary<BatchRef, int> _asked = [];
    private readonly List<int> _levels = [];

    private static readonly DateTimeOffset T = Sample.Now.AddDays(-1);

    [Fact]
    public async Task A_diamond_traced_back_visits_the_common_ancestor_once_and_edges_carry_the_quantities()
    {
        var (a, b, c, d) = Diamond();

        var genealogy = await Genealogy.TraceBackAsync(d, FetchAsync);

        Assert.Equal([(d, 0), (b, 1), (c, 1), (a, 2)], genealogy.Members.Select(m => (m.Node.State.Ref, m.Depth)).ToArray());
        Assert.Equal(
            [(b, d, Sample.Kg(40m)), (c, d, Sample.Kg(60m)), (a, b, Sample.Kg(40m)), (a, c, Sample.Kg(60m))],
            genealogy.Edges.Select(e => (e.Parent, e.Child, e.Quantity)).ToArray());
        Assert.All(_asked, asked => Assert.True(asked.Value == 1, $"expected {asked.Key} to be asked once, it was asked {asked.Value} times"));
        Assert.Equal([1, 2, 1], _levels);
        Assert.False(genealogy.Truncated);
        Assert.Equal([Sample.Producer], genealogy.Producers);
    }

    [Fact]
    public async Task A_diamond_traced_forward_reaches_each_descendant_once()
    {
        var (a, b, c, d) = Diamond();

        var genealogy = await Genealogy.TraceForwardAsync(a, FetchAsync);

        Assert.Equal([(a, 0), (b, 1), (c, 1), (d, 2)], genealogy.Members.Select(m => (m.Node.State.Ref, m.Depth)).ToArray());
        Assert.Equal(
            [(a, b, Sample.Kg(40m)), (a, c, Sample.Kg(60m)), (b, d, Sample.Kg(40m)), (c, d, Sample.Kg(60m))],
            genealogy.Edges.Select(e => (e.Parent, e.Child, e.Quantity)).ToArray());
        Assert.Equal(1, _asked[d]);
        Assert.Equal([Sample.Producer], genealogy.Custodians);
    }

    [Fact]
    public async Task A_depth_limit_stops_the_walk_and_says_it_left_ancestors_out()
    {
        var (a, b, c, d) = Diamond();

        var one = await Genealogy.TraceBackAsync(d, FetchAsync, maxDepth: 1);
        Assert.Equal([d, b, c], one.Members.Select(m => m.Node.State.Ref).ToArray());
        Assert.Equal([(b, d), (c, d)], one.Edges.Select(e => (e.Parent, e.Child)).ToArray());
        Assert.True(one.Truncated);
        Assert.False(_asked.ContainsKey(a));

        var none = await Genealogy.TraceBackAsync(d, FetchAsync, maxDepth: 0);
        Assert.Equal([d], none.Members.Select(m => m.Node.State.Ref).ToArray());
        Assert.Empty(none.Edges);
        Assert.True(none.Truncated);

        var exact = await Genealogy.TraceBackAsync(d, FetchAsync, maxDepth: 2);
        Assert.Equal(4, exact.Members.Count);
        Assert.False(exact.Truncated);
    }

    [Fact]
    public async Task A_chain_of_splits_is_walked_without_recursion_to_any_depth()
    {
        var lots = Enumerable.Range(0, 1001).Select(i => Sample.Lot($"S{i}")).ToList();
        Produce(lots[0], 10_000m);
        for (var i = 1; i < lots.Count; i++)
        {
            SplitInto(lots[i - 1], (lots[i], Sample.Kg(10_000m - i)));
        }

        var genealogy = await Genealogy.TraceBackAsync(lots[^1], FetchAsync);

        Assert.Equal(Bounds.TraceDepth + 1, genealogy.Members.Count);
        Assert.Equal(Bounds.TraceDepth, genealogy.Members[^1].Depth);
        Assert.Equal(lots[0], genealogy.Members[^1].Node.State.Ref);
        Assert.False(genealogy.Truncated);
    }

    [Fact]
    public async Task A_recall_s_scope_goes_past_the_depth_a_trace_stops_at()
    {
        var lots = Enumerable.Range(0, Bounds.TraceDepth + 20).Select(i => Sample.Lot($"R{i}")).ToList();
        Produce(lots[0], 10_000m);
        for (var i = 1; i < lots.Count; i++)
        {
            SplitInto(lots[i - 1], (lots[i], Sample.Kg(10_000m - i)));
        }

        var traced = await Genealogy.TraceForwardAsync(lots[0], FetchAsync);
        var scope = await Genealogy.RecallScopeAsync(lots[0], FetchAsync);

        Assert.True(traced.Truncated);
        Assert.Equal(Bounds.TraceDepth + 1, traced.Members.Count);
        Assert.False(scope.Truncated);
        Assert.Equal(lots, scope.Members.Select(m => m.Node.State.Ref).ToList());
    }

    [Fact]
    public async Task An_unknown_batch_is_not_found_and_a_genealogy_over_the_limit_is_refused()
    {
        Refusals.Expect(Refusal.NotFound, () => Genealogy.TraceBackAsync(Sample.Lot("NOPE"), FetchAsync).GetAwaiter().GetResult(), $"batch {Sample.Lot("NOPE")} does not exist");

        var (_, _, _, d) = Diamond();
        await Genealogy.TraceBackAsync(d, FetchAsync, maxBatches: 4);
        Refusals.Expect(Refusal.FailedPrecondition, () => Genealogy.TraceBackAsync(d, FetchAsync, maxBatches: 3).GetAwaiter().GetResult(), "more than 3 batches", "max_depth");
    }

    [Fact]
    public async Task Failed_checks_are_counted_over_the_whole_genealogy()
    {
        var (a, _, _, d) = Diamond();

        var before = await Genealogy.TraceBackAsync(d, FetchAsync);
        Assert.Equal((0, 0), (before.FailedCheckpoints, before.FailedHandoffs));

        _logs[a].FailFoodSafety();
        _logs[d].Ship(Sample.Distributor);
        _logs[d].Append(Events.Received with { EventTime = _logs[d].State!.UpdatedAt.AddHours(1) });
        var after = await Genealogy.TraceBackAsync(d, FetchAsync);
        Assert.Equal((1, 1), (after.FailedCheckpoints, after.FailedHandoffs));
    }

    [Fact]
    public async Task A_recall_reaches_current_custodians_and_pending_receivers_of_batches_not_consumed()
    {
        var (a, b, _, d) = Diamond();
        _logs[d].Ship(Sample.Distributor);

        var forward = await Genealogy.TraceForwardAsync(a, FetchAsync);

        Assert.Equal(BatchStatus.Consumed, forward.Members.Single(m => m.Node.State.Ref == b).Node.State.Status);
        Assert.Equal([Sample.Producer, Sample.Distributor], forward.Custodians);
    }

    [Fact]
    public async Task Traces_walk_through_a_transformation_both_ways_with_the_amounts_used()
    {
        var (a, b, x, y) = Transformation();

        var back = await Genealogy.TraceBackAsync(y, FetchAsync);
        var forward = await Genealogy.TraceForwardAsync(a, FetchAsync);

        Assert.Equal([(y, 0), (a, 1), (b, 1)], back.Members.Select(m => (m.Node.State.Ref, m.Depth)).ToArray());
        Assert.Equal([(a, y, Sample.Kg(30m)), (b, y, Sample.Kg(20m))], back.Edges.Select(e => (e.Parent, e.Child, e.Quantity)).ToArray());
        Assert.Equal([(a, 0), (x, 1), (y, 1)], forward.Members.Select(m => (m.Node.State.Ref, m.Depth)).ToArray());
        Assert.Equal([(a, x, Sample.Kg(30m)), (a, y, Sample.Kg(30m))], forward.Edges.Select(e => (e.Parent, e.Child, e.Quantity)).ToArray());
        Assert.Equal(BatchStatus.Active, forward.Members[0].Node.State.Status);
        Assert.Equal(BatchStatus.Consumed, _logs[b].State!.Status);
        Assert.Equal([Sample.Producer, Sample.Distributor], back.Producers);
        Assert.Equal([Sample.Distributor], forward.Custodians);
    }

    /// <summary>30 kg of A (100) and all of B (20) become X and Y, pieces of another product, made by the distributor who held A and B.</summary>
    private (BatchRef A, BatchRef B, BatchRef X, BatchRef Y) Transformation()
    {
        var (a, b) = (Sample.Lot("A"), Sample.Lot("B"));
        var (x, y) = (new BatchRef(Sample.Honey, "X"), new BatchRef(Sample.Honey, "Y"));
        Produce(a, 100m);
        Produce(b, 20m);
        foreach (var input in new[] { a, b })
        {
            _logs[input].Ship(Sample.Distributor);
            _logs[input].Receive();
        }

        var c = new TransformBatches(
            "transform-1", [new TransformInput(a, Sample.Kg(30m)), new TransformInput(b, null)], [new BatchPart(x, new Quantity(60m, "H87")), new BatchPart(y, new Quantity(40m, "H87"))],
            Sample.Distributor, Sample.Warehouse, null);
        var used = new[] { a, b }.Select((input, i) => BatchRules.UseInTransformation(_logs[input].State, BatchRules.InputOf(c, i), Sample.Now)).ToList();
        _logs[a].Append(used[0]);
        _logs[b].Append(used[1]);
        var first = BatchRules.TransformOutput(c, used);
        _logs[x] = new BatchLog(x);
        _logs[x].Append(first);
        _logs[y] = new BatchLog(y);
        _logs[y].Append(BatchRules.TransformOutput(c, first, 1));
        return (a, b, x, y);
    }

    /// <summary>A (100 kg) split into B (40) and C (60), which are merged into D: two paths from D up to A.</summary>
    private (BatchRef A, BatchRef B, BatchRef C, BatchRef D) Diamond()
    {
        var (a, b, c, d) = (Sample.Lot("A"), Sample.Lot("B"), Sample.Lot("C"), Sample.Lot("D"));
        Produce(a, 100m);
        SplitInto(a, (b, Sample.Kg(40m)), (c, Sample.Kg(60m)));
        MergeInto(d, b, c);
        return (a, b, c, d);
    }

    private void Produce(BatchRef batch, decimal kilograms)
    {
        var log = BatchLog.Produced(batch.Lot, kilograms);
        _logs[batch] = log;
    }

    private void SplitInto(BatchRef parent, params (BatchRef Batch, Quantity Quantity)[] children)
    {
        var log = _logs[parent];
        var parts = children.Select(c => new BatchPart(c.Batch, c.Quantity)).ToList();
        var remaining = parts.Aggregate(log.State!.Quantity, (left, p) => left.Subtract(p.Quantity));
        var split = new BatchSplit($"split-{parent.Lot}", Sample.Producer, Sample.Farm, T, parts, remaining);
        log.Append(split);
        for (var i = 0; i < parts.Count; i++)
        {
            var child = new BatchLog(parts[i].Batch);
            child.Append(BatchRules.SplitChild(log.State!, split, parts[i], $"split-{parent.Lot}~split{i}"));
            _logs[parts[i].Batch] = child;
        }
    }

    private void MergeInto(BatchRef output, params BatchRef[] inputs)
    {
        var parts = new List<BatchPart>();
        foreach (var input in inputs)
        {
            var log = _logs[input];
            var quantity = log.State!.Quantity;
            log.Append(new BatchMerged($"merge-{output.Lot}~{input.Lot}", Sample.Producer, Sample.Farm, T, output, quantity));
            parts.Add(new BatchPart(input, quantity));
        }

        var merged = new BatchLog(output);
        var total = parts.Aggregate(Quantity.Zero("KGM"), (sum, p) => sum.Add(p.Quantity));
        merged.Append(new BatchCreated($"merge-{output.Lot}", Sample.Producer, Sample.Farm, T, output.Gtin, output.Lot, total, Sample.Producer, null, Origin.Merged, parts));
        _logs[output] = merged;
    }

    private Task<IReadOnlyList<TraceNode?>> FetchAsync(IReadOnlyList<BatchRef> level)
    {
        _levels.Add(level.Count);
        foreach (var batch in level)
        {
            _asked[batch] = _asked.GetValueOrDefault(batch) + 1;
        }

        return Task.FromResult<IReadOnlyList<TraceNode?>>(level.Select(b => _logs.TryGetValue(b, out var log) ? TraceNode.Of(log.Events) : null).ToList());
    }
}
