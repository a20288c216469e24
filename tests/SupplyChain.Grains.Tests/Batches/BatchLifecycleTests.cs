using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

[Collection(GrainsCollection.Name)]
public sealed class BatchLifecycleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Create_checkpoint_ship_and_receive_move_the_batch_and_chain_its_events()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = supply.NewLot();
        var grain = supply.Batch(batch);

        var created = await grain.CreateAsync(supply.Create(batch, 100m));
        Assert.False(created.Replayed, "expected a first create not to be a replay");
        Assert.Equal(1, created.Event.Version);
        Assert.Equal("", created.Event.PreviousHash);
        Assert.Equal(BatchStatus.Active, created.Batch.Status);
        Assert.Equal(Supply.Kg(100m), created.Batch.Quantity);
        Assert.Equal((supply.Producer, supply.Producer), (created.Batch.Producer, created.Batch.Custodian));
        Assert.Equal((1L, created.Event.Hash), (created.Batch.Version, created.Batch.HeadHash));

        var checkpoint = await grain.RecordCheckpointAsync(supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 11m, "%")));
        Assert.Equal(2, checkpoint.Event.Version);
        Assert.Equal(Verdict.Pass, Assert.IsType<CheckpointRecorded>(checkpoint.Event.Event).Verdict);
        Assert.Equal((BatchStatus.Active, 0), (checkpoint.Batch.Status, checkpoint.Batch.FailedCheckpoints));

        var shipped = await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        Assert.Equal(3, shipped.Event.Version);
        Assert.Equal(BatchStatus.InTransit, shipped.Batch.Status);
        Assert.Equal(supply.Distributor, shipped.Batch.PendingReceiver);
        Assert.Equal(supply.Producer, shipped.Batch.Custodian);
        Assert.Equal(shipped.Event.Event.EventTime, shipped.Batch.ShippedAt);

        var received = await grain.ReceiveAsync(supply.Receive(batch, supply.Distributor, 98.5m));
        Assert.Equal(4, received.Event.Version);
        Assert.Equal(BatchStatus.Active, received.Batch.Status);
        Assert.Equal(supply.Distributor, received.Batch.Custodian);
        Assert.Null(received.Batch.PendingReceiver);
        Assert.Null(received.Batch.ShippedAt);
        Assert.Equal(Supply.Kg(98.5m), received.Batch.Quantity);
        Assert.Equal(Supply.Kg(1.5m), Assert.IsType<BatchReceived>(received.Event.Event).Loss);

        BatchReply[] replies = [created, checkpoint, shipped, received];
        for (var i = 1; i < replies.Length; i++)
        {
            Assert.True(replies[i].Event.PreviousHash == replies[i - 1].Event.Hash, $"expected version {i + 1} to link to the hash of version {i}");
        }

        Canonical.Same(received.Batch, await grain.GetAsync(), "the batch read after the last write");
        Assert.Equal((4L, received.Event.Hash), (received.Batch.Version, received.Batch.HeadHash));

        var history = await grain.GetHistoryAsync(1, 100);
        HashChain.Verify(history);
        Assert.Equal(replies.Select(r => (r.Event.Event.EventId, r.Event.Hash)), history.Select(h => (h.Recorded.Event.EventId, h.Recorded.Hash)));
        Assert.Equal([typeof(BatchCreated), typeof(CheckpointRecorded), typeof(BatchShipped), typeof(BatchReceived)], history.Select(h => h.Recorded.Event.GetType()));
        Assert.Equal(replies.Select(r => r.Event.RecordedAt), history.Select(h => h.Recorded.RecordedAt));
    }

    [Fact]
    public async Task History_reads_from_a_version_and_at_most_the_number_asked()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(10m);
        var grain = supply.Batch(batch);
        await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        await grain.ReceiveAsync(supply.Receive(batch, supply.Distributor));

        var page = await grain.GetHistoryAsync(2, 1);

        Assert.Equal([2L], page.Select(e => e.Recorded.Version));
        Assert.IsType<BatchShipped>(page[0].Recorded.Event);
        Assert.Equal([2L, 3L], (await grain.GetHistoryAsync(2, 100)).Select(e => e.Recorded.Version));
    }

    [Fact]
    public async Task A_batch_that_was_never_created_reads_as_null_with_no_history()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var grain = supply.Batch(supply.NewLot());

        Assert.Null(await grain.GetAsync());
        Assert.Empty(await grain.GetHistoryAsync(1, 100));
    }

    [Fact]
    public async Task Only_the_products_producer_creates_its_batches()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = supply.NewLot();

        await Refusals.ExpectAsync(
            Refusal.PermissionDenied,
            () => supply.Batch(batch).CreateAsync(supply.Create(batch, 5m) with { Producer = supply.Distributor }),
            supply.Producer.Value);

        Assert.Null(await supply.Batch(batch).GetAsync());
    }

    [Fact]
    public async Task A_batch_of_an_unregistered_product_is_refused()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = new BatchRef(Fresh.Gtin(), Fresh.Lot());

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(batch).CreateAsync(supply.Create(batch, 5m)), batch.Gtin.Value);

        Assert.Null(await supply.Batch(batch).GetAsync());
    }

    [Fact]
    public async Task A_ship_to_an_unregistered_receiver_is_refused_and_appends_nothing()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(5m);
        var stranger = Fresh.Gln();

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, stranger)), stranger.Value);

        Assert.Equal((BatchStatus.Active, 1L), ((await supply.Batch(batch).GetAsync())?.Status, (await supply.Batch(batch).GetAsync())?.Version));
    }

    [Fact]
    public async Task Only_the_named_receiver_receives_a_shipment()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(5m);
        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));

        await Refusals.ExpectAsync(Refusal.PermissionDenied, () => supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Retailer)), supply.Distributor.Value);

        var state = await supply.Batch(batch).GetAsync();
        Assert.Equal((BatchStatus.InTransit, 2L, supply.Producer), (state?.Status, state?.Version, state?.Custodian));
    }
}
