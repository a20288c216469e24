using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Splits and merges conserve quantity and link parents and children both ways.</summary>
[Collection(ServerCollection.Name)]
public sealed class SplitMergeTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_split_makes_children_and_keeps_the_remainder()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        var (a, b) = (Ids.Lot(), Ids.Lot());
        var split = await fixture.Batches.SplitBatchAsync(new SplitBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Producer,
            Parts = { new SplitPart { Lot = a, Quantity = new Quantity { Value = 30, Unit = "KGM" } }, new SplitPart { Lot = b, Quantity = new Quantity { Value = 45.5, Unit = "KGM" } } },
        });
        Assert.Equal(24.5, split.Batch.Quantity.Value);
        Assert.Equal(BatchStatus.Active, split.Batch.Status);
        Assert.Equal([a, b], split.Batch.Children.Select(c => c.Lot).ToArray());
        Assert.Equal([30.0, 45.5], split.Related.Select(c => c.Quantity.Value).ToArray());
        var child = await world.GetAsync(a);
        Assert.Equal(lot, Assert.Single(child.Parents).Lot);
        Assert.Equal(world.Producer, child.CustodianGln);

        var over = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.SplitBatchAsync(new SplitBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Producer,
            Parts = { new SplitPart { Lot = Ids.Lot(), Quantity = new Quantity { Value = 24.6, Unit = "KGM" } } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, over.StatusCode);
        Assert.Contains("conserved", over.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_consumes_whole_inputs_into_a_new_batch()
    {
        var world = await new World(fixture).RegisterAsync();
        var (x, y, merged) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(x, 120);
        await world.CreateBatchAsync(y, 80.25);
        var request = new MergeBatchesRequest
        {
            EventId = Ids.EventId(), Inputs = { new BatchRef { Gtin = world.Gtin, Lot = x }, new BatchRef { Gtin = world.Gtin, Lot = y } },
            OutputGtin = world.Gtin13, OutputLot = merged, ActorGln = world.Producer,
        };
        var reply = await fixture.Batches.MergeBatchesAsync(request);
        Assert.Equal(200.25, reply.Batch.Quantity.Value);
        Assert.Equal([x, y], reply.Batch.Parents.Select(p => p.Lot).ToArray());
        Assert.All(reply.Related, input => Assert.Equal(BatchStatus.Consumed, input.Status));
        Assert.All(reply.Related, input => Assert.Equal(0, input.Quantity.Value));

        var retry = await fixture.Batches.MergeBatchesAsync(request);
        Assert.True(retry.Receipt.Replayed);
        Assert.Equal(reply.Receipt.Hash, retry.Receipt.Hash);

        var consumed = await Assert.ThrowsAsync<RpcException>(() => world.ShipAsync(x, world.Producer, world.Distributor));
        Assert.Equal(StatusCode.FailedPrecondition, consumed.StatusCode);
    }

    [Fact]
    public async Task A_merge_with_a_held_input_is_refused_and_leaves_every_input_as_it_was()
    {
        var world = await new World(fixture).RegisterAsync();
        var (good, held, merged) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(good, 10);
        await world.CreateBatchAsync(held, 20);
        await world.CheckAsync(held, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 70, Unit = "P1" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.MergeBatchesAsync(new MergeBatchesRequest
        {
            EventId = Ids.EventId(), Inputs = { new BatchRef { Gtin = world.Gtin, Lot = good }, new BatchRef { Gtin = world.Gtin, Lot = held } },
            OutputGtin = world.Gtin13, OutputLot = merged, ActorGln = world.Producer,
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("on hold", ex.Status.Detail, StringComparison.Ordinal);

        var after = await world.GetAsync(good);
        Assert.Equal(BatchStatus.Active, after.Status);
        Assert.Equal(10, after.Quantity.Value);
        Assert.Empty(after.Children);
        var missing = await Assert.ThrowsAsync<RpcException>(() => world.GetAsync(merged));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
