using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

[Collection(GrainsCollection.Name)]
public sealed class IdempotencyTests(ClusterFixture fixture)
{
    private static void SameResult(BatchReply first, BatchReply retry)
    {
        Assert.True(retry.Replayed, "expected the retry to be answered as a replay");
        Assert.Equal((first.Event.Version, first.Event.Hash, first.Event.Event.EventId), (retry.Event.Version, retry.Event.Hash, retry.Event.Event.EventId));
        Assert.Equal(first.Event.RecordedAt, retry.Event.RecordedAt);
    }

    [Fact]
    public async Task The_same_create_twice_is_a_replay_that_appends_nothing()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = supply.NewLot();
        var command = supply.Create(batch, 40m);

        var first = await supply.Batch(batch).CreateAsync(command);
        var retry = await supply.Batch(batch).CreateAsync(command);

        SameResult(first, retry);
        Assert.Equal((1L, first.Event.Hash), (retry.Batch.Version, retry.Batch.HeadHash));
        Assert.Single(await supply.Batch(batch).GetHistoryAsync(1, 100));
    }

    [Fact]
    public async Task The_same_checkpoint_twice_is_a_replay_that_appends_nothing()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(40m);
        var command = supply.Checkpoint(batch, supply.Producer, CheckpointKind.Environmental, Supply.Reading("temperature", 21m, "CEL"));

        var first = await supply.Batch(batch).RecordCheckpointAsync(command);
        var retry = await supply.Batch(batch).RecordCheckpointAsync(command);

        SameResult(first, retry);
        var state = await supply.Batch(batch).GetAsync();
        Assert.NotNull(state);
        Assert.Equal((2L, first.Event.Hash), (state.Version, state.HeadHash));
        Assert.Equal(2, (await supply.Batch(batch).GetHistoryAsync(1, 100)).Count);
    }

    [Fact]
    public async Task An_event_id_used_again_for_other_content_is_refused_and_appends_nothing()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(40m);
        var command = supply.Checkpoint(batch, supply.Producer, CheckpointKind.Environmental, Supply.Reading("temperature", 21m, "CEL"));
        var first = await supply.Batch(batch).RecordCheckpointAsync(command);

        await Refusals.ExpectAsync(
            Refusal.AlreadyExists,
            () => supply.Batch(batch).RecordCheckpointAsync(command with { Measurements = [Supply.Reading("temperature", 22m, "CEL")] }),
            command.EventId);
        await Refusals.ExpectAsync(
            Refusal.AlreadyExists,
            () => supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor) with { EventId = command.EventId }),
            command.EventId);

        var state = await supply.Batch(batch).GetAsync();
        Assert.NotNull(state);
        Assert.Equal((2L, first.Event.Hash, BatchStatus.Active), (state.Version, state.HeadHash, state.Status));
        Assert.Equal(2, (await supply.Batch(batch).GetHistoryAsync(1, 100)).Count);
    }

    [Fact]
    public async Task A_ship_retried_after_the_ship_returns_the_first_result_instead_of_a_refusal()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(40m);
        var ship = supply.Ship(batch, supply.Producer, supply.Distributor);
        var first = await supply.Batch(batch).ShipAsync(ship);

        var retry = await supply.Batch(batch).ShipAsync(ship);

        SameResult(first, retry);
        Assert.Equal((BatchStatus.InTransit, 2L), (retry.Batch.Status, retry.Batch.Version));

        var received = await supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Distributor));
        var late = await supply.Batch(batch).ShipAsync(ship);

        SameResult(first, late);
        Assert.Equal((BatchStatus.Active, 3L, received.Event.Hash), (late.Batch.Status, late.Batch.Version, late.Batch.HeadHash));
        Assert.Equal(3, (await supply.Batch(batch).GetHistoryAsync(1, 100)).Count);
    }

    [Fact]
    public async Task A_new_ship_of_a_batch_in_transit_is_refused()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(40m);
        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Retailer)), "in transit");

        Assert.Equal(2, (await supply.Batch(batch).GetAsync())?.Version);
    }

    [Fact]
    public async Task The_same_receive_twice_is_a_replay()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(40m);
        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        var receive = supply.Receive(batch, supply.Distributor, 39m);

        var first = await supply.Batch(batch).ReceiveAsync(receive);
        var retry = await supply.Batch(batch).ReceiveAsync(receive);

        SameResult(first, retry);
        Assert.Equal((3L, Supply.Kg(39m)), (retry.Batch.Version, retry.Batch.Quantity));
    }
}
