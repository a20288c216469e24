using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

[Collection(GrainsCollection.Name)]
public sealed class FoodSafetyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_failed_food_safety_check_by_a_lab_puts_the_batch_on_hold_and_it_cannot_ship()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(25m);

        var failed = await supply.FailFoodSafetyAsync(batch);

        var checkpoint = Assert.IsType<CheckpointRecorded>(failed.Event.Event);
        Assert.Equal(Verdict.Fail, checkpoint.Verdict);
        Assert.Equal(supply.Lab, checkpoint.Actor);
        Assert.Equal(BatchStatus.OnHold, failed.Batch.Status);
        Assert.Equal(1, failed.Batch.FailedCheckpoints);
        Assert.Equal($"failed inspecting check ({checkpoint.EventId})", failed.Batch.HoldReason);
        Assert.Equal(supply.Producer, failed.Batch.Custodian);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor)), "on hold");

        var state = await supply.Batch(batch).GetAsync();
        Assert.NotNull(state);
        Assert.Equal((2L, BatchStatus.OnHold, failed.Event.Hash), (state.Version, state.Status, state.HeadHash));
    }

    [Fact]
    public async Task A_passed_food_safety_check_leaves_the_batch_active()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(25m);

        var passed = await supply.Batch(batch).RecordCheckpointAsync(supply.Checkpoint(batch, supply.Lab, CheckpointKind.FoodSafety, Supply.Reading("moisture", 12.5m, "%")));

        Assert.Equal(Verdict.Pass, Assert.IsType<CheckpointRecorded>(passed.Event.Event).Verdict);
        Assert.Equal((BatchStatus.Active, 0), (passed.Batch.Status, passed.Batch.FailedCheckpoints));
    }
}
