using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Products;
using SupplyChain.Abstractions.Products;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

/// <summary>Tea lots become jars of another product: inputs give their parts first, then the outputs are made.</summary>
[Collection(GrainsCollection.Name)]
public sealed class TransformTests(ClusterFixture fixture)
{
    private static Quantity Jars(decimal count) => new(count, "H87");

    /// <summary>A fresh supply with a second product of the producer, counted in jars.</summary>
    private async Task<(Supply Supply, Gtin Jar)> SupplyAsync()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var jar = Product.Create(Fresh.Gtin(), supply.Producer, "Honey-cured tea jar", "tea", "H87", new OcopRating(0, "", null, 0), []);
        await fixture.Client.GetGrain<IProductGrain>(jar.Gtin.Value).RegisterAsync(jar);
        return (supply, jar.Gtin);
    }

    private static TransformBatches Transform(Supply supply, IEnumerable<TransformInput> inputs, IEnumerable<BatchPart> outputs) =>
        new(Fresh.EventId(), inputs.ToList(), outputs.ToList(), supply.Producer, supply.Producer, null);

    [Fact]
    public async Task Inputs_give_their_parts_and_every_output_is_made_from_all_of_them()
    {
        var (supply, jar) = await SupplyAsync();
        var a = await supply.ProduceAsync(100m);
        var b = await supply.ProduceAsync(20m);
        var (j1, j2) = (new BatchRef(jar, Fresh.Lot()), new BatchRef(jar, Fresh.Lot()));
        var command = Transform(supply, [new TransformInput(a, Supply.Kg(30m)), new TransformInput(b, null)], [new BatchPart(j1, Jars(40)), new BatchPart(j2, Jars(10))]);

        var made = await supply.Batch(j1).TransformAsync(command);

        Assert.False(made.Replayed, "expected a first transformation not to be a replay");
        Assert.Equal((1L, BatchStatus.Active, Jars(40), supply.Producer), (made.Event.Version, made.Batch.Status, made.Batch.Quantity, made.Batch.Producer));
        var created = Assert.IsType<BatchCreated>(made.Event.Event);
        Assert.Equal((Origin.Transformed, command.EventId), (created.Origin, created.EventId));
        Assert.Equal([new BatchPart(a, Supply.Kg(30m)), new BatchPart(b, Supply.Kg(20m))], created.Inputs);
        Assert.Equal([j2, a, b], made.Related.Select(r => r.Ref));

        var second = await supply.Batch(j2).GetAsync();
        Assert.NotNull(second);
        Assert.Equal(Jars(10), second.Quantity);
        Assert.Equal([a, b], second.Parents);
        var secondCreated = Assert.IsType<BatchCreated>(Assert.Single(await supply.Batch(j2).GetHistoryAsync(1, 10)).Recorded.Event);
        Assert.Equal((EventId.Derived(command.EventId, "output", 1), created.EventTime), (secondCreated.EventId, secondCreated.EventTime));

        foreach (var (input, left, status) in new[] { (a, 70m, BatchStatus.Active), (b, 0m, BatchStatus.Consumed) })
        {
            var state = await supply.Batch(input).GetAsync();
            Assert.NotNull(state);
            Assert.Equal((status, Supply.Kg(left), 2L), (state.Status, state.Quantity, state.Version));
            Assert.Equal([j1, j2], state.Children);
            var history = await supply.Batch(input).GetHistoryAsync(1, 10);
            var used = Assert.IsType<BatchTransformed>(history[1].Recorded.Event);
            Assert.Equal((command.EventId, Supply.Kg(left)), (used.TransformationId, used.Remaining));
            HashChain.Verify(history);
        }

        var node = await supply.Batch(j1).GetTraceNodeAsync();
        Assert.Equal([new BatchPart(a, Supply.Kg(30m)), new BatchPart(b, Supply.Kg(20m))], node!.Trail.Inputs);
    }

    [Fact]
    public async Task The_same_transformation_retried_is_a_replay_that_appends_nothing()
    {
        var (supply, jar) = await SupplyAsync();
        var a = await supply.ProduceAsync(10m);
        var (j1, j2) = (new BatchRef(jar, Fresh.Lot()), new BatchRef(jar, Fresh.Lot()));
        var command = Transform(supply, [new TransformInput(a, Supply.Kg(4m))], [new BatchPart(j1, Jars(2)), new BatchPart(j2, Jars(2))]);
        var first = await supply.Batch(j1).TransformAsync(command);

        var retry = await supply.Batch(j1).TransformAsync(command);

        Assert.True(retry.Replayed, "expected the repeated transformation to be a replay");
        Assert.Equal((first.Event.Version, first.Event.Hash), (retry.Event.Version, retry.Event.Hash));
        Assert.Equal(first.Related.Select(r => (r.Ref, r.Version)), retry.Related.Select(r => (r.Ref, r.Version)));
        Assert.Equal((2L, Supply.Kg(6m)), ((await supply.Batch(a).GetAsync())?.Version, (await supply.Batch(a).GetAsync())?.Quantity));
        Assert.Equal(1L, (await supply.Batch(j2).GetAsync())?.Version);

        var reused = command with { Outputs = [new BatchPart(j1, Jars(3)), new BatchPart(j2, Jars(2))] };
        await Refusals.ExpectAsync(Refusal.AlreadyExists, () => supply.Batch(j1).TransformAsync(reused), $"event_id '{command.EventId}' was already used");
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_inputs_and_the_outputs_finishes_without_using_an_input_twice()
    {
        var (supply, jar) = await SupplyAsync();
        var a = await supply.ProduceAsync(10m);
        var b = await supply.ProduceAsync(5m);
        var (j1, j2) = (new BatchRef(jar, Fresh.Lot()), new BatchRef(jar, Fresh.Lot()));
        var command = Transform(supply, [new TransformInput(a, Supply.Kg(4m)), new TransformInput(b, null)], [new BatchPart(j1, Jars(3)), new BatchPart(j2, Jars(1))]);

        // The first attempt stopped after input a gave its part, as a crash of the coordinating silo would leave it.
        await supply.Coordination(a).UseInTransformationAsync(BatchRules.InputOf(command, 0));

        var made = await supply.Batch(j1).TransformAsync(command);

        Assert.False(made.Replayed, "expected the outputs to be made by the retry");
        Assert.Equal([new BatchPart(a, Supply.Kg(4m)), new BatchPart(b, Supply.Kg(5m))], Assert.IsType<BatchCreated>(made.Event.Event).Inputs);
        var history = await supply.Batch(a).GetHistoryAsync(1, 10);
        Assert.Equal([typeof(BatchCreated), typeof(BatchTransformed)], history.Select(h => h.Recorded.Event.GetType()));
        Assert.Equal(Supply.Kg(6m), (await supply.Batch(a).GetAsync())?.Quantity);
        Assert.Equal(BatchStatus.Consumed, (await supply.Batch(b).GetAsync())?.Status);
        Assert.Equal(Jars(1), (await supply.Batch(j2).GetAsync())?.Quantity);
    }

    [Fact]
    public async Task A_refusal_by_rule_changes_nothing()
    {
        var (supply, jar) = await SupplyAsync();
        var a = await supply.ProduceAsync(10m);
        var b = await supply.ProduceAsync(5m);
        var taken = await supply.ProduceAsync(1m);
        var j1 = new BatchRef(jar, Fresh.Lot());
        var overUse = Transform(supply, [new TransformInput(a, Supply.Kg(4m)), new TransformInput(b, Supply.Kg(5.5m))], [new BatchPart(j1, Jars(3))]);
        var existing = Transform(supply, [new TransformInput(a, null)], [new BatchPart(j1, Jars(3)), new BatchPart(taken, Supply.Kg(1m))]);
        var unregistered = Transform(supply, [new TransformInput(a, null)], [new BatchPart(new BatchRef(Fresh.Gtin(), Fresh.Lot()), Jars(1))]);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(j1).TransformAsync(overUse), "inputs[1]: uses 5.5 KGM of batch", "conserved");
        await Refusals.ExpectAsync(Refusal.AlreadyExists, () => supply.Batch(j1).TransformAsync(existing), $"outputs[1]: batch {taken} already exists");
        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(unregistered.Outputs[0].Batch).TransformAsync(unregistered), "outputs[0]: product", "is not registered");

        Assert.Null(await supply.Batch(j1).GetAsync());
        foreach (var (input, kg) in new[] { (a, 10m), (b, 5m), (taken, 1m) })
        {
            var state = await supply.Batch(input).GetAsync();
            Assert.Equal((1L, BatchStatus.Active, Supply.Kg(kg)), (state?.Version, state?.Status, state?.Quantity));
        }
    }

    [Fact]
    public async Task An_input_that_changed_after_the_check_is_given_its_part_back()
    {
        var (supply, jar) = await SupplyAsync();
        var a = await supply.ProduceAsync(10m);
        var b = await supply.ProduceAsync(5m);
        var j1 = new BatchRef(jar, Fresh.Lot());
        var command = Transform(supply, [new TransformInput(a, Supply.Kg(4m)), new TransformInput(b, null)], [new BatchPart(j1, Jars(3))]);

        // Input a gave its part to an attempt that never finished; meanwhile b went on hold.
        await supply.Coordination(a).UseInTransformationAsync(BatchRules.InputOf(command, 0));
        await supply.FailFoodSafetyAsync(b);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(j1).TransformAsync(command), $"batch {b}", "on hold");

        Assert.Null(await supply.Batch(j1).GetAsync());
        var state = await supply.Batch(a).GetAsync();
        Assert.Equal((BatchStatus.Active, Supply.Kg(10m), 3L), (state?.Status, state?.Quantity, state?.Version));
        Assert.Empty(state!.Children);
        var history = await supply.Batch(a).GetHistoryAsync(1, 10);
        Assert.Equal([typeof(BatchCreated), typeof(BatchTransformed), typeof(TransformReverted)], history.Select(h => h.Recorded.Event.GetType()));
        HashChain.Verify(history);
    }
}
