using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

/// <summary>Tea lots (kilograms) become jars of honey-cured tea (pieces), a product of another GTIN and unit.</summary>
public sealed class TransformTests
{
    private static readonly Product Tea = Sample.TeaProduct();
    private static readonly Product Jars = Product.Create(Sample.Honey, Sample.Producer, "Honey-cured tea jar", "tea", "H87", new OcopRating(0, "", null, 0), []);
    private static readonly IReadOnlyDictionary<Gtin, Product> Registered = new Dictionary<Gtin, Product> { [Sample.Tea] = Tea, [Sample.Honey] = Jars };
    private static readonly BatchRef J1 = new(Sample.Honey, "J1");
    private static readonly BatchRef J2 = new(Sample.Honey, "J2");

    private static Quantity Pieces(decimal count) => new(count, "H87");

    private static TransformBatches Command(IEnumerable<TransformInput> inputs, IEnumerable<BatchPart>? outputs = null, DateTimeOffset? at = null, Gln? actor = null) =>
        new("transform-1", [.. inputs], [.. outputs ?? [new BatchPart(J1, Pieces(40)), new BatchPart(J2, Pieces(10))]], actor ?? Sample.Producer, Sample.Farm, at);

    private static TransformInput Use(BatchLog log, decimal? kg = null) => new(log.Batch, kg is { } k ? Sample.Kg(k) : null);

    private static BatchTransformed Decide(BatchLog log, TransformBatches c, int input = 0) =>
        BatchRules.UseInTransformation(log.State, BatchRules.InputOf(c, input), Sample.Now, $"inputs[{input}]");

    [Fact]
    public void An_input_gives_the_amount_named_and_keeps_the_rest()
    {
        var a = BatchLog.Produced("A", 100m);
        var c = Command([Use(a, 30m)]);

        var used = Decide(a, c);
        var state = a.Append(used);

        Assert.Equal(
            new BatchTransformed("transform-1~transform0", Sample.Producer, Sample.Farm, Sample.Now, "transform-1", Sample.Kg(30m), Sample.Kg(70m), c.Outputs),
            used with { Outputs = c.Outputs });
        Assert.Equal(c.Outputs, used.Outputs);
        Assert.Equal("transforming", used.BizStep);
        Assert.Equal((BatchStatus.Active, Sample.Kg(70m), Sample.Producer), (state.Status, state.Quantity, state.Custodian));
        Assert.Equal([J1, J2], state.Children);
    }

    [Fact]
    public void An_input_without_an_amount_is_used_whole_and_consumed()
    {
        var a = BatchLog.Produced("A", 100m);

        var used = Decide(a, Command([Use(a)]));
        var state = a.Append(used);

        Assert.Equal((Sample.Kg(100m), Sample.Kg(0m)), (used.Used, used.Remaining));
        Assert.Equal((BatchStatus.Consumed, 0m), (state.Status, state.Quantity.Value));
        Assert.Equal([J1, J2], state.Children);
    }

    [Fact]
    public void Using_exactly_what_is_held_consumes_the_input_and_more_is_refused()
    {
        var a = BatchLog.Produced("A", 100m);

        Assert.Equal(BatchStatus.Consumed, a.Append(Decide(a, Command([Use(a, 100m)]))).Status);

        var b = BatchLog.Produced("B", 100m);
        Refusals.Expect(Refusal.FailedPrecondition, () => Decide(b, Command([Use(b, 100.000001m)])), "inputs[0]: uses 100.000001 KGM of batch", "more than the 100 KGM it holds", "conserved");
    }

    [Fact]
    public void An_amount_in_another_unit_than_the_inputs_is_refused_naming_the_field()
    {
        var a = BatchLog.Produced("A", 100m);
        var c = Command([new TransformInput(a.Batch, Pieces(3))]);

        Refusals.Expect(Refusal.InvalidArgument, () => Decide(a, c), "inputs[0].quantity.unit: H87 differs from the unit KGM of batch");
    }

    [Fact]
    public void Only_the_custodian_transforms_an_active_input()
    {
        var shipped = BatchLog.Produced("S");
        shipped.Ship(Sample.Distributor);
        var held = BatchLog.Produced("H");
        held.FailFoodSafety();
        var elsewhere = BatchLog.Produced("E");
        elsewhere.Ship(Sample.Distributor);
        elsewhere.Receive();

        Refusals.Expect(Refusal.FailedPrecondition, () => Decide(shipped, Command([Use(shipped)])), "is in transit", "cannot be transformed");
        Refusals.Expect(Refusal.FailedPrecondition, () => Decide(held, Command([Use(held)])), "is on hold", "cannot be transformed");
        Refusals.Expect(Refusal.PermissionDenied, () => Decide(elsewhere, Command([Use(elsewhere)])), $"held by {Sample.Distributor}", "only its custodian may transform it");
        Assert.Equal(Sample.Distributor, Decide(elsewhere, Command([Use(elsewhere)], actor: Sample.Distributor)).Actor);
        Refusals.Expect(Refusal.NotFound, () => BatchRules.UseInTransformation(null, BatchRules.InputOf(Command([Use(held)]), 0), Sample.Now, "inputs[0]"), $"inputs[0]: batch {held.Batch} does not exist");
    }

    [Fact]
    public void A_consumed_input_is_refused()
    {
        var a = BatchLog.Produced("A", 10m);
        a.Append(Decide(a, Command([Use(a)])));

        Refusals.Expect(Refusal.FailedPrecondition, () => Decide(a, Command([Use(a, 1m)])), "is consumed and cannot be transformed");
    }

    [Fact]
    public void The_transformation_time_is_checked_against_the_inputs_history()
    {
        var a = BatchLog.Produced("A");
        var created = a.State!.CreatedAt;

        Assert.Equal(created, Decide(a, Command([Use(a)], at: created)).EventTime);
        Refusals.Expect(Refusal.FailedPrecondition, () => Decide(a, Command([Use(a)], at: created.AddTicks(-1))), "transformed_at", "events must be in order");
        Refusals.Expect(Refusal.InvalidArgument, () => Decide(a, Command([Use(a)], at: Sample.Now.AddHours(1))), "transformed_at", "in the future");
    }

    [Fact]
    public void A_transformation_has_1_to_100_distinct_inputs_and_outputs_none_of_them_both()
    {
        var a = new TransformInput(Sample.Lot("A"), null);
        var b = new TransformInput(Sample.Lot("B"), Sample.Kg(1m));
        BatchRules.CheckTransform(Command([a, b]), Registered);
        BatchRules.CheckTransform(
            Command(Enumerable.Range(0, 100).Select(i => new TransformInput(Sample.Lot($"I{i}"), null)), Enumerable.Range(0, 100).Select(i => new BatchPart(new BatchRef(Sample.Honey, $"J{i}"), Pieces(1)))),
            Registered);

        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.CheckTransform(Command([]), Registered), "inputs:", "at least one input batch");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.CheckTransform(Command([a], []), Registered), "outputs:", "at least one output batch");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckTransform(Command(Enumerable.Range(0, 101).Select(i => new TransformInput(Sample.Lot($"I{i}"), null))), Registered),
            "inputs:", "has 101 batches, at most 100");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckTransform(Command([a], Enumerable.Range(0, 101).Select(i => new BatchPart(new BatchRef(Sample.Honey, $"J{i}"), Pieces(1)))), Registered),
            "outputs:", "has 101 batches, at most 100");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.CheckTransform(Command([a, b, a with { Quantity = Sample.Kg(2m) }]), Registered), "inputs[2]:", $"names batch {a.Batch} twice");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckTransform(Command([a], [new BatchPart(J1, Pieces(1)), new BatchPart(J1, Pieces(2))]), Registered),
            "outputs[1]:", $"names batch {J1} twice");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckTransform(Command([a, b], [new BatchPart(J1, Pieces(1)), new BatchPart(b.Batch, Sample.Kg(1m))]), Registered),
            "outputs[1]:", $"{b.Batch} is also an input", "new lots");
    }

    [Fact]
    public void Outputs_are_lots_of_registered_products_in_their_units()
    {
        var a = new TransformInput(Sample.Lot("A"), null);
        var unknown = Gtin.Parse("8930000000033");

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.CheckTransform(Command([a], [new BatchPart(J1, Pieces(1)), new BatchPart(new BatchRef(unknown, "X1"), Pieces(1))]), Registered),
            $"outputs[1]: product {unknown} is not registered");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckTransform(Command([a], [new BatchPart(J1, Sample.Kg(1m))]), Registered),
            "outputs[0].quantity.unit: KGM differs from the unit H87 of product");
        BatchRules.CheckTransform(Command([a], [new BatchPart(J1, Pieces(4)), new BatchPart(Sample.Lot("T9"), Sample.Kg(5m))]), Registered);
    }

    [Fact]
    public void An_output_that_exists_already_is_refused()
    {
        var c = Command([new TransformInput(Sample.Lot("A"), null)]);
        var existing = BatchLog.Produced("J2", gtin: Sample.Honey).State;

        BatchRules.RequireNewOutputs(c, [null, null]);
        Refusals.Expect(Refusal.AlreadyExists, () => BatchRules.RequireNewOutputs(c, [null, existing]), $"outputs[1]: batch {J2} already exists", "a transformation makes new lots");
    }

    [Fact]
    public void Outputs_are_made_by_the_actor_from_every_input_with_what_it_gave()
    {
        var a = BatchLog.Produced("A", 100m);
        var b = BatchLog.Produced("B", 8m);
        var c = Command([Use(a, 30m), Use(b)]);
        var used = new[] { Decide(a, c, 0) with { EventTime = Sample.Now.AddMinutes(-2) }, Decide(b, c, 1) with { EventTime = Sample.Now.AddMinutes(-1) } };

        var first = BatchRules.TransformOutput(c, used);
        var second = BatchRules.TransformOutput(c, first, 1);

        Assert.Equal(("transform-1", J1.Gtin, J1.Lot, Pieces(40), Origin.Transformed), (first.EventId, first.Gtin, first.Lot, first.Quantity, first.Origin));
        Assert.Equal((Sample.Producer, Sample.Producer, Sample.Farm, (string?)null), (first.Actor, first.Producer, first.Location, first.ChainId));
        Assert.Equal([new BatchPart(a.Batch, Sample.Kg(30m)), new BatchPart(b.Batch, Sample.Kg(8m))], first.Inputs);
        Assert.Equal(Sample.Now.AddMinutes(-1), first.EventTime);
        Assert.Equal("transforming", first.BizStep);
        Assert.Equal(first with { EventId = "transform-1~output1", Lot = "J2", Quantity = Pieces(10) }, second);

        var state = BatchState.Apply(null, new RecordedEvent(1, Sample.Now, "", "h", second));
        Assert.Equal((J2, BatchStatus.Active, Sample.Producer, Pieces(10)), (state.Ref, state.Status, state.Custodian, state.Quantity));
        Assert.Equal([a.Batch, b.Batch], state.Parents);
        Assert.Equal(Sample.Now.AddHours(-3), BatchRules.TransformOutput(c with { TransformedAt = Sample.Now.AddHours(-3) }, used).EventTime);
    }

    [Fact]
    public void Input_quantities_are_conserved_across_a_transformation()
    {
        var logs = new[] { BatchLog.Produced("A", 100m), BatchLog.Produced("B", 12.345678m), BatchLog.Produced("C", 0.5m) };
        var before = logs.Select(l => l.State!.Quantity).ToList();
        var c = Command([Use(logs[0], 33.333333m), Use(logs[1]), Use(logs[2], 0.25m)]);

        var used = logs.Select((log, i) => Decide(log, c, i)).ToList();
        var after = logs.Zip(used, (log, u) => log.Append(u)).ToList();
        var made = BatchRules.TransformOutput(c, used);

        for (var i = 0; i < logs.Length; i++)
        {
            Assert.Equal(before[i], used[i].Used.Add(used[i].Remaining));
            Assert.Equal(used[i].Remaining, after[i].Quantity);
            Assert.Equal(new BatchPart(logs[i].Batch, used[i].Used), made.Inputs[i]);
        }

        Assert.Equal([Sample.Kg(66.666667m), Sample.Kg(0m), Sample.Kg(0.25m)], after.Select(s => s.Quantity));
        Assert.Equal([BatchStatus.Active, BatchStatus.Consumed, BatchStatus.Active], after.Select(s => s.Status));
    }

    [Fact]
    public void An_undone_transformation_gives_the_input_its_part_back()
    {
        var a = BatchLog.Produced("A", 10m);
        var c = Command([Use(a)]);
        var used = Decide(a, c);
        a.Append(used);
        var revert = new RevertTransformation("transform-1~untransform0", a.Batch, c.EventId, c.Outputs, used.Used, Sample.Producer, Sample.Farm, "input B is on hold");

        var undone = BatchRules.RevertTransformation(a.State, revert, Sample.Now);
        var state = a.Append(undone);

        Assert.Equal((BatchStatus.Active, Sample.Kg(10m)), (state.Status, state.Quantity));
        Assert.Empty(state.Children);
        Assert.Equal(("transform-1", "input B is on hold"), (undone.TransformationId, undone.Reason));
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.RevertTransformation(a.State, revert, Sample.Now), $"batch {a.Batch} did not go into transformation transform-1");
    }

    [Fact]
    public void An_undone_partial_use_keeps_the_other_children_and_adds_the_part_back()
    {
        var a = BatchLog.Produced("A", 10m);
        var split = new BatchSplit("split-1", Sample.Producer, Sample.Farm, a.State!.UpdatedAt.AddMinutes(1), [new BatchPart(Sample.Lot("A1"), Sample.Kg(2m))], Sample.Kg(8m));
        a.Append(split);
        var c = Command([Use(a, 3m)]);
        a.Append(Decide(a, c));

        var state = a.Append(BatchRules.RevertTransformation(
            a.State, new RevertTransformation("transform-1~untransform0", a.Batch, c.EventId, c.Outputs, Sample.Kg(3m), Sample.Producer, Sample.Farm, "undone"), Sample.Now));

        Assert.Equal((BatchStatus.Active, Sample.Kg(8m)), (state.Status, state.Quantity));
        Assert.Equal([Sample.Lot("A1")], state.Children);
    }
}
