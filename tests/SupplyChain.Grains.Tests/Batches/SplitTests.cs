using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

[Collection(GrainsCollection.Name)]
public sealed class SplitTests(ClusterFixture fixture)
{
    private static SplitBatch Split(Supply supply, BatchRef batch, params BatchPart[] parts) =>
        new(Fresh.EventId(), batch, supply.Producer, parts, supply.Producer, null);

    [Fact]
    public async Task Parts_become_child_batches_and_the_quantities_add_up_to_the_original()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var parent = await supply.ProduceAsync(100m);
        var a = supply.NewLot();
        var b = supply.NewLot();

        var split = await supply.Batch(parent).SplitAsync(Split(supply, parent, new BatchPart(a, Supply.Kg(30m)), new BatchPart(b, Supply.Kg(20.25m))));

        Assert.Equal(2, split.Event.Version);
        Assert.Equal((BatchStatus.Active, Supply.Kg(49.75m)), (split.Batch.Status, split.Batch.Quantity));
        Assert.Equal([a, b], split.Batch.Children);
        Assert.Equal([a, b], split.Related.Select(r => r.Ref));
        Assert.Equal([Supply.Kg(30m), Supply.Kg(20.25m)], split.Related.Select(r => r.Quantity));
        Assert.Equal(100m, split.Batch.Quantity.Value + split.Related.Sum(r => r.Quantity.Value));
        foreach (var (child, quantity) in new[] { (a, 30m), (b, 20.25m) })
        {
            var state = await supply.Batch(child).GetAsync();
            Assert.NotNull(state);
            Assert.Equal([parent], state.Parents);
            Assert.Equal((BatchStatus.Active, Supply.Kg(quantity), supply.Producer, supply.Producer, 1L), (state.Status, state.Quantity, state.Producer, state.Custodian, state.Version));
            var created = Assert.IsType<BatchCreated>(Assert.Single(await supply.Batch(child).GetHistoryAsync(1, 100)).Recorded.Event);
            Assert.Equal(Origin.Split, created.Origin);
            Assert.Equal([new BatchPart(parent, Supply.Kg(quantity))], created.Inputs);
        }

        HashChain.Verify(await supply.Batch(parent).GetHistoryAsync(1, 100));
    }

    [Fact]
    public async Task Splitting_off_everything_left_consumes_the_parent()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var parent = await supply.ProduceAsync(10m);
        var a = supply.NewLot();
        var b = supply.NewLot();
        await supply.Batch(parent).SplitAsync(Split(supply, parent, new BatchPart(a, Supply.Kg(4m))));

        var last = await supply.Batch(parent).SplitAsync(Split(supply, parent, new BatchPart(b, Supply.Kg(6m))));

        Assert.Equal((BatchStatus.Consumed, 0m, 3L), (last.Batch.Status, last.Batch.Quantity.Value, last.Batch.Version));
        Assert.Equal([a, b], last.Batch.Children);
        Assert.Equal(Supply.Kg(6m), (await supply.Batch(b).GetAsync())?.Quantity);
        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(parent).ShipAsync(supply.Ship(parent, supply.Producer, supply.Distributor)), "consumed");
    }

    [Fact]
    public async Task A_split_naming_an_existing_lot_is_refused_and_appends_nothing()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var parent = await supply.ProduceAsync(50m);
        var existing = await supply.ProduceAsync(5m);
        var fresh = supply.NewLot();
        var before = await supply.Batch(parent).GetAsync();

        await Refusals.ExpectAsync(
            Refusal.AlreadyExists,
            () => supply.Batch(parent).SplitAsync(Split(supply, parent, new BatchPart(fresh, Supply.Kg(10m)), new BatchPart(existing, Supply.Kg(10m)))),
            existing.Key);

        Canonical.Same(before, await supply.Batch(parent).GetAsync(), "the parent after the refused split");
        Assert.Single(await supply.Batch(parent).GetHistoryAsync(1, 100));
        Assert.Null(await supply.Batch(fresh).GetAsync());
        Assert.Equal((Supply.Kg(5m), 1L), ((await supply.Batch(existing).GetAsync())?.Quantity, (await supply.Batch(existing).GetAsync())?.Version));
    }

    [Fact]
    public async Task The_same_split_twice_is_a_replay_that_creates_no_more_children()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var parent = await supply.ProduceAsync(50m);
        var a = supply.NewLot();
        var command = Split(supply, parent, new BatchPart(a, Supply.Kg(10m)));
        var first = await supply.Batch(parent).SplitAsync(command);

        var retry = await supply.Batch(parent).SplitAsync(command);

        Assert.True(retry.Replayed, "expected the repeated split to be a replay");
        Assert.Equal((first.Event.Version, first.Event.Hash), (retry.Event.Version, retry.Event.Hash));
        Assert.Equal((Supply.Kg(40m), 2L), (retry.Batch.Quantity, retry.Batch.Version));
        Assert.Equal(1L, (await supply.Batch(a).GetAsync())?.Version);
        Assert.Equal(Supply.Kg(10m), (await supply.Batch(a).GetAsync())?.Quantity);
    }
}
