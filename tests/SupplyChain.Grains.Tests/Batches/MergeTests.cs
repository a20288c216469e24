using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

[Collection(GrainsCollection.Name)]
public sealed class MergeTests(ClusterFixture fixture)
{
    private static MergeBatches Merge(Supply supply, BatchRef output, params BatchRef[] inputs) =>
        new(Fresh.EventId(), inputs, output, supply.Producer, supply.Producer, null);

    [Fact]
    public async Task Inputs_merge_into_a_new_batch_holding_their_sum()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var a = await supply.ProduceAsync(10m);
        var b = await supply.ProduceAsync(20.5m);
        var output = supply.NewLot();

        var merged = await supply.Batch(output).MergeAsync(Merge(supply, output, a, b));

        Assert.False(merged.Replayed, "expected a first merge not to be a replay");
        Assert.Equal((1L, BatchStatus.Active, Supply.Kg(30.5m)), (merged.Event.Version, merged.Batch.Status, merged.Batch.Quantity));
        Assert.Equal([a, b], merged.Batch.Parents);
        var created = Assert.IsType<BatchCreated>(merged.Event.Event);
        Assert.Equal(Origin.Merged, created.Origin);
        Assert.Equal([new BatchPart(a, Supply.Kg(10m)), new BatchPart(b, Supply.Kg(20.5m))], created.Inputs);
        Assert.Equal([a, b], merged.Related.Select(r => r.Ref));
        foreach (var input in new[] { a, b })
        {
            var state = await supply.Batch(input).GetAsync();
            Assert.NotNull(state);
            Assert.Equal((BatchStatus.Consumed, 0m, 2L), (state.Status, state.Quantity.Value, state.Version));
            Assert.Equal([output], state.Children);
            Assert.Equal(output, Assert.IsType<BatchMerged>((await supply.Batch(input).GetHistoryAsync(2, 1))[0].Recorded.Event).Into);
        }

        Canonical.Same(merged.Batch, await supply.Batch(output).GetAsync(), "the merged batch");
    }

    [Fact]
    public async Task The_same_merge_retried_is_a_replay()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var a = await supply.ProduceAsync(10m);
        var b = await supply.ProduceAsync(5m);
        var output = supply.NewLot();
        var command = Merge(supply, output, a, b);
        var first = await supply.Batch(output).MergeAsync(command);

        var retry = await supply.Batch(output).MergeAsync(command);

        Assert.True(retry.Replayed, "expected the repeated merge to be a replay");
        Assert.Equal((first.Event.Version, first.Event.Hash), (retry.Event.Version, retry.Event.Hash));
        Assert.Equal((1L, Supply.Kg(15m)), (retry.Batch.Version, retry.Batch.Quantity));
        Assert.Equal(2L, (await supply.Batch(a).GetAsync())?.Version);
        Assert.Equal(2L, (await supply.Batch(b).GetAsync())?.Version);
    }

    [Fact]
    public async Task A_retried_merge_answers_with_the_merged_inputs_as_the_first_answer_did()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var a = await supply.ProduceAsync(10m);
        var b = await supply.ProduceAsync(5m);
        var output = supply.NewLot();
        var command = Merge(supply, output, a, b);
        var first = await supply.Batch(output).MergeAsync(command);

        var retry = await supply.Batch(output).MergeAsync(command);

        Assert.Equal([a, b], first.Related.Select(r => r.Ref));
        Assert.True(
            retry.Related.Select(r => r.Ref).SequenceEqual([a, b]),
            $"expected the replayed merge to list its inputs [{a}, {b}] as related, as the first answer did; it listed [{string.Join(", ", retry.Related.Select(r => r.Ref))}]");
    }

    [Fact]
    public async Task A_merge_into_a_batch_it_names_as_an_input_is_refused_as_invalid()
    {
        // Split refuses a part named like its parent; a merge whose output is one of its inputs makes the output grain call itself.
        await using var cluster = await fixture.StartClusterAsync(responseTimeout: TimeSpan.FromSeconds(2));
        var supply = await Supply.RegisterAsync(cluster.Client);
        var a = await supply.ProduceAsync(10m);
        var output = supply.NewLot();

        await Refusals.ExpectAsync(Refusal.InvalidArgument, () => supply.Batch(output).MergeAsync(Merge(supply, output, a, output)), output.Key);

        Assert.Null(await supply.Batch(output).GetAsync());
        Assert.Equal((BatchStatus.Active, 1L), ((await supply.Batch(a).GetAsync())?.Status, (await supply.Batch(a).GetAsync())?.Version));
    }

    [Fact]
    public async Task A_merge_with_an_input_on_hold_is_refused_before_any_input_moves()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var a = await supply.ProduceAsync(10m);
        var held = await supply.ProduceAsync(20m);
        var c = await supply.ProduceAsync(30m);
        await supply.FailFoodSafetyAsync(held);
        var output = supply.NewLot();
        var command = Merge(supply, output, a, held, c);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(output).MergeAsync(command), held.Key, "on hold");

        Assert.Null(await supply.Batch(output).GetAsync());
        foreach (var (input, kg) in new[] { (a, 10m), (c, 30m) })
        {
            var state = await supply.Batch(input).GetAsync();
            Assert.NotNull(state);
            Assert.Equal((BatchStatus.Active, Supply.Kg(kg), 1L), (state.Status, state.Quantity, state.Version));
            Assert.Empty(state.Children);
            var history = await supply.Batch(input).GetHistoryAsync(1, 100);
            Assert.Equal([typeof(BatchCreated)], history.Select(h => h.Recorded.Event.GetType()));
        }

        var hold = await supply.Batch(held).GetAsync();
        Assert.NotNull(hold);
        Assert.Equal((BatchStatus.OnHold, 2L, Supply.Kg(20m)), (hold.Status, hold.Version, hold.Quantity));
    }

    [Fact]
    public async Task An_input_of_a_refused_merge_can_be_shipped_afterwards()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var a = await supply.ProduceAsync(10m);
        var held = await supply.ProduceAsync(20m);
        await supply.FailFoodSafetyAsync(held);
        var output = supply.NewLot();
        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(output).MergeAsync(Merge(supply, output, a, held)));

        var shipped = await supply.Batch(a).ShipAsync(supply.Ship(a, supply.Producer, supply.Distributor));

        Assert.Equal((BatchStatus.InTransit, 2L, Supply.Kg(10m)), (shipped.Batch.Status, shipped.Batch.Version, shipped.Batch.Quantity));
    }
}
