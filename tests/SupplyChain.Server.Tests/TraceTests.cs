using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Backward and forward traces over genealogies built through the API: diamonds, deep chains, wide merges.</summary>
[Collection(ServerCollection.Name)]
public sealed class TraceTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_diamond_is_traced_back_to_its_producer_visiting_the_common_ancestor_once()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, c, d) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await world.CheckAsync(a, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 6.5, Unit = "P1" });
        await lineage.SplitAsync(a, (b, 40), (c, 60));
        await lineage.MergeAsync(d, lineage.Ref(b), lineage.Ref(c));
        await world.ShipAsync(d, world.Producer, world.Distributor);
        await world.ReceiveAsync(d, world.Distributor, 99.5);

        var trace = await lineage.BackAsync(d);

        Assert.Equal([(d, 0), (b, 1), (c, 1), (a, 2)], trace.Batches.Select(t => (t.Batch.Lot, t.Depth)).ToArray());
        Assert.Equal(
            [(b, d, 40.0), (c, d, 60.0), (a, b, 40.0), (a, c, 60.0)],
            trace.Edges.Select(e => (e.Parent.Lot, e.Child.Lot, e.Quantity.Value)).ToArray());
        Assert.Equal((4, false, 1000), (trace.BatchCount, trace.Truncated, trace.MaxDepth));
        Assert.Equal([world.Producer], trace.ProducerGlns);
        Assert.Equal((0, 0, true), (trace.FailedCheckpoints, trace.FailedHandoffs, trace.AllChecksPassed));

        var origin = trace.Batches[3];
        Assert.Equal((BatchOrigin.Produced, BatchStatus.Consumed, 0.0), (origin.Origin, origin.Status, origin.Quantity.Value));
        Assert.Equal((world.Gtin, "Bac Lieu sea salt", "salt", 4), (origin.Product.Gtin, origin.Product.Name, origin.Product.Category, origin.Product.OcopStars));
        Assert.Equal(
            (world.Producer, "Dong Hai salt cooperative", "Bac Lieu", "Dong Hai", "Long Dien Dong", ProducerKind.Cooperative),
            (origin.Producer.Gln, origin.Producer.Name, origin.Producer.Province, origin.Producer.District, origin.Producer.Commune, origin.Producer.Kind));
        var check = Assert.Single(origin.Checkpoints);
        Assert.Equal((2L, CheckpointKind.Production, "drying", world.Producer, Verdict.Pass), (check.Version, check.Kind, check.Step, check.ActorGln, check.Verdict));
        Assert.Equal(("moisture", 6.5, true), (check.Results[0].Measurement.Type, check.Results[0].Measurement.Value, check.Results[0].WithinLimit));
        Assert.Empty(origin.Custody);

        var merged = trace.Batches[0];
        Assert.Equal((BatchOrigin.Merged, world.Distributor, 99.5), (merged.Origin, merged.CustodianGln, merged.Quantity.Value));
        var handoff = Assert.Single(merged.Custody);
        Assert.Equal(
            (world.Producer, world.Distributor, 100.0, HandoffOutcome.Received, 99.5, 0.5),
            (handoff.FromGln, handoff.ToGln, handoff.QuantityShipped.Value, handoff.Outcome, handoff.QuantityReceived.Value, handoff.Loss.Value));
        Assert.Equal((2L, 3L), (handoff.ShippedVersion, handoff.SettledVersion));
        Assert.True(handoff.ReceivedAt.ToDateTimeOffset() >= handoff.ShippedAt.ToDateTimeOffset(), "received before shipped");
    }

    [Fact]
    public async Task A_diamond_is_traced_forward_reaching_each_descendant_once()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, c, d) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await lineage.SplitAsync(a, (b, 40), (c, 60));
        await lineage.MergeAsync(d, lineage.Ref(b), lineage.Ref(c));
        await world.ShipAsync(d, world.Producer, world.Retailer);

        var trace = await lineage.ForwardAsync(a);

        Assert.Equal([(a, 0), (b, 1), (c, 1), (d, 2)], trace.Batches.Select(t => (t.Batch.Lot, t.Depth)).ToArray());
        Assert.Equal(4, trace.BatchCount);
        Assert.Equal(
            [(a, b, 40.0), (a, c, 60.0), (b, d, 40.0), (c, d, 60.0)],
            trace.Edges.Select(e => (e.Parent.Lot, e.Child.Lot, e.Quantity.Value)).ToArray());
        var last = trace.Batches[3];
        Assert.Equal(
            (BatchStatus.InTransit, world.Producer, world.Retailer, 100.0, BatchOrigin.Merged),
            (last.Status, last.CustodianGln, last.PendingReceiverGln, last.Quantity.Value, last.Origin));
        Assert.Equal([BatchStatus.Consumed, BatchStatus.Consumed, BatchStatus.Consumed], trace.Batches.Take(3).Select(t => t.Status).ToArray());
        Assert.Equal(new[] { world.Producer, world.Retailer }.Order(StringComparer.Ordinal), trace.CustodianGlns);
    }

    [Fact]
    public async Task A_chain_of_fifty_splits_is_traced_back_fully_or_to_a_depth_limit()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var lots = Enumerable.Range(0, 51).Select(_ => Ids.Lot()).ToList();
        await world.CreateBatchAsync(lots[0], 1000);
        for (var i = 1; i < lots.Count; i++)
        {
            await lineage.SplitAsync(lots[i - 1], (lots[i], 1000 - i));
        }

        var full = await lineage.BackAsync(lots[50]);
        Assert.Equal(51, full.BatchCount);
        Assert.Equal(Enumerable.Range(0, 51).Select(depth => (lots[50 - depth], depth)), full.Batches.Select(t => (t.Batch.Lot, t.Depth)));
        Assert.Equal(Enumerable.Range(1, 50).Reverse().Select(i => (lots[i - 1], lots[i], 1000.0 - i)), full.Edges.Select(e => (e.Parent.Lot, e.Child.Lot, e.Quantity.Value)));
        Assert.False(full.Truncated);
        Assert.Equal([BatchOrigin.Produced], full.Batches.Where(t => t.Depth == 50).Select(t => t.Origin));

        var limited = await lineage.BackAsync(lots[50], maxDepth: 10);
        Assert.Equal(Enumerable.Range(0, 11).Select(depth => (lots[50 - depth], depth)), limited.Batches.Select(t => (t.Batch.Lot, t.Depth)));
        Assert.Equal(10, limited.Edges.Count);
        Assert.Equal((11, 10, true), (limited.BatchCount, limited.MaxDepth, limited.Truncated));

        var alone = await lineage.BackAsync(lots[50], maxDepth: 0);
        Assert.Equal((1, true), (alone.BatchCount, alone.Truncated));
        Assert.Empty(alone.Edges);

        var forward = await lineage.ForwardAsync(lots[0]);
        Assert.Equal(Enumerable.Range(0, 51).Select(depth => (lots[depth], depth)), forward.Batches.Select(t => (t.Batch.Lot, t.Depth)));
    }

    [Fact]
    public async Task A_wide_merge_of_thirty_inputs_from_two_producers_lists_each_input_and_flow()
    {
        var world = await new World(fixture).RegisterAsync();
        var neighbour = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var inputs = Enumerable.Range(0, 30).Select(_ => Ids.Lot()).ToList();
        for (var i = 0; i < 28; i++)
        {
            await world.CreateBatchAsync(inputs[i], 10 + i);
        }

        // Two inputs come from another cooperative, shipped to the merging producer.
        foreach (var i in new[] { 28, 29 })
        {
            await neighbour.CreateBatchAsync(inputs[i], 10 + i);
            await neighbour.ShipAsync(inputs[i], neighbour.Producer, world.Producer);
            await neighbour.ReceiveAsync(inputs[i], world.Producer);
        }

        var output = Ids.Lot();
        await lineage.MergeAsync(output, inputs.Select((lot, i) => i < 28 ? lineage.Ref(lot) : new BatchRef { Gtin = neighbour.Gtin, Lot = lot }).ToArray());

        var trace = await lineage.BackAsync(output);

        Assert.Equal(31, trace.BatchCount);
        Assert.Equal((output, 0), (trace.Batches[0].Batch.Lot, trace.Batches[0].Depth));
        Assert.Equal(
            inputs.Select((lot, i) => (lot, 10.0 + i)).OrderBy(x => x.lot, StringComparer.Ordinal),
            trace.Edges.Select(e => (e.Parent.Lot, e.Quantity.Value)).OrderBy(x => x.Item1, StringComparer.Ordinal));
        Assert.All(trace.Edges, e => Assert.Equal(output, e.Child.Lot));
        Assert.All(trace.Batches.Skip(1), t => Assert.Equal(1, t.Depth));
        Assert.Equal(new[] { world.Producer, neighbour.Producer }.Order(StringComparer.Ordinal), trace.ProducerGlns);
        var shipped = trace.Batches.Single(t => t.Batch.Lot == inputs[29]);
        Assert.Equal(("Dong Hai salt cooperative", neighbour.Gtin), (shipped.Producer.Name, shipped.Product.Gtin));
        Assert.Equal((neighbour.Producer, world.Producer, HandoffOutcome.Received), (shipped.Custody[0].FromGln, shipped.Custody[0].ToGln, shipped.Custody[0].Outcome));

        var forward = await lineage.ForwardAsync(inputs[0]);
        Assert.Equal([(inputs[0], 0), (output, 1)], forward.Batches.Select(t => (t.Batch.Lot, t.Depth)).ToArray());
        Assert.Equal((inputs[0], output, 10.0), (forward.Edges.Single().Parent.Lot, forward.Edges.Single().Child.Lot, forward.Edges.Single().Quantity.Value));
    }

    [Fact]
    public async Task Failed_checks_anywhere_upstream_show_in_the_summary()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b) = (Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await world.CheckAsync(a, world.Producer, CheckpointKind.Environmental, new Measurement { Type = "nacl", Value = 85, Unit = "P1" });
        await lineage.SplitAsync(a, (b, 50));

        var trace = await lineage.BackAsync(b);

        Assert.Equal((1, 0, false), (trace.FailedCheckpoints, trace.FailedHandoffs, trace.AllChecksPassed));
        var failed = trace.Batches.Single(t => t.Batch.Lot == a).Checkpoints.Single();
        Assert.Equal((Verdict.Fail, "product", false), (failed.Verdict, failed.Results[0].LimitSource, failed.Results[0].WithinLimit));
    }

    [Fact]
    public async Task A_trace_sees_events_appended_after_the_batch_answered_a_trace()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        Assert.Empty((await lineage.BackAsync(lot)).Batches[0].Custody);

        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await world.CheckAsync(lot, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 95, Unit = "P1" });
        var after = (await lineage.BackAsync(lot)).Batches[0];

        Assert.Equal(HandoffOutcome.InTransit, Assert.Single(after.Custody).Outcome);
        Assert.Equal((3L, CheckpointKind.FoodSafety, world.Lab), (after.Checkpoints[0].Version, after.Checkpoints[0].Kind, after.Checkpoints[0].ActorGln));
        Assert.Equal(3, after.Version);
    }

    [Theory]
    [InlineData("8930000000011", "L1", "gtin")]
    [InlineData("", "L1", "gtin")]
    [InlineData("8930000000019", "", "lot")]
    [InlineData("8930000000019", "LOT#1", "lot")]
    public async Task Malformed_batch_keys_are_invalid_argument_naming_the_field(string gtin, string lot, string field)
    {
        var traces = new TraceService.TraceServiceClient(fixture.Server.Channel);
        var calls = new Func<Task>[]
        {
            () => traces.TraceBackAsync(new TraceBackRequest { Gtin = gtin, Lot = lot }).ResponseAsync,
            () => traces.TraceForwardAsync(new TraceForwardRequest { Gtin = gtin, Lot = lot }).ResponseAsync,
            () => traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = gtin, Lot = lot }).ResponseAsync,
            () => traces.VerifyBatchAsync(new VerifyBatchRequest { Gtin = gtin, Lot = lot }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"expected InvalidArgument, got {ex.StatusCode}: {ex.Status.Detail}");
            Assert.True(ex.Status.Detail.StartsWith(field + ":", StringComparison.Ordinal), $"expected the message to name {field}: {ex.Status.Detail}");
        }
    }

    [Fact]
    public async Task A_depth_limit_outside_0_to_1000_is_invalid_and_an_unknown_batch_is_not_found()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        foreach (var depth in new[] { -1, 1001 })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => lineage.BackAsync(lot, depth));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal($"max_depth: {depth} is not 0 to 1000", ex.Status.Detail);
        }

        var unknown = Ids.Lot();
        var traces = lineage.Traces;
        var calls = new Func<Task>[]
        {
            () => lineage.BackAsync(unknown),
            () => lineage.ForwardAsync(unknown),
            () => traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = unknown }).ResponseAsync,
            () => traces.VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = unknown }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
            Assert.Equal($"batch {world.Gtin}/{unknown} does not exist", ex.Status.Detail);
        }
    }
}
