using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Batches.Planning;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches.Planning;

public sealed class BatchPlannerTests
{
    private static readonly DateTimeOffset Now = Sample.Now;

    private static Rehearsal World(params BatchLog[] logs) => new(
        logs.ToDictionary(l => l.Batch, l => l.State!),
        new Dictionary<Gtin, Domain.Products.Product> { [Sample.Tea] = Sample.TeaProduct() },
        new Dictionary<Gln, Participant> { [Sample.Producer] = Sample.Party(Sample.Producer, Role.Producer), [Sample.Distributor] = Sample.Party(Sample.Distributor, Role.Distributor) },
        new Dictionary<string, Domain.Chains.ChainDefinition> { ["tea-north"] = Sample.Chain() });

    private static MergeBatches Merge(params BatchRef[] inputs) => new("merge-1", inputs, Sample.Lot("M1"), Sample.Producer, Sample.Farm, null);

    [Fact]
    public void A_split_stores_the_parents_event_then_each_child_with_an_id_derived_from_the_split()
    {
        var parent = BatchLog.Produced("P");
        var command = new SplitBatch("split-1", parent.Batch, Sample.Producer, [new BatchPart(Sample.Lot("C1"), Sample.Kg(30m)), new BatchPart(Sample.Lot("C2"), Sample.Kg(20m))], Sample.Farm, null);

        var plan = BatchPlanner.Plan(command, World(parent), Now);

        Assert.Equal([parent.Batch, Sample.Lot("C1"), Sample.Lot("C2")], plan.Select(p => p.Batch));
        Assert.IsType<BatchSplit>(plan[0].Event);
        Assert.Equal(["split-1", "split-1~split0", "split-1~split1"], plan.Select(p => p.Event.EventId));
        Assert.All(plan.Skip(1), p => Assert.Equal(Origin.Split, Assert.IsType<BatchCreated>(p.Event).Origin));
    }

    [Fact]
    public void A_split_into_a_lot_that_exists_is_refused()
    {
        var (parent, taken) = (BatchLog.Produced("P"), BatchLog.Produced("C1"));
        var command = new SplitBatch("split-1", parent.Batch, Sample.Producer, [new BatchPart(taken.Batch, Sample.Kg(30m))], Sample.Farm, null);

        Refusals.Expect(Refusal.AlreadyExists, () => BatchPlanner.Plan(command, World(parent, taken), Now), $"batch {taken.Batch} already exists", "every part needs a new lot");
    }

    [Fact]
    public void A_merge_moves_every_input_first_and_makes_the_new_lot_last()
    {
        var (a, b) = (BatchLog.Produced("A", 10m), BatchLog.Produced("B", 5m));

        var plan = BatchPlanner.Plan(Merge(a.Batch, b.Batch), World(a, b), Now);

        Assert.Equal([a.Batch, b.Batch, Sample.Lot("M1")], plan.Select(p => p.Batch));
        Assert.Equal(["merge-1~merge0", "merge-1~merge1", "merge-1"], plan.Select(p => p.Event.EventId));
        var created = Assert.IsType<BatchCreated>(plan[2].Event);
        Assert.Equal(Sample.Kg(15m), created.Quantity);
        Assert.Equal("tea-north", created.ChainId);
    }

    [Fact]
    public void A_merge_one_input_refuses_changes_nothing_in_a_rehearsal()
    {
        var (a, b) = (BatchLog.Produced("A"), BatchLog.Produced("B"));
        b.Ship(Sample.Distributor);
        b.Receive();
        var world = World(a, b);

        Refusals.Expect(Refusal.PermissionDenied, () => world.Run(Merge(a.Batch, b.Batch), Now), $"batch {b.Batch} is held by {Sample.Distributor}");

        Assert.Equal(a.State, world.Batch(a.Batch));
        Assert.Null(world.Batch(Sample.Lot("M1")));
    }

    [Fact]
    public void A_merge_into_a_lot_that_exists_is_refused_before_anything_else()
    {
        var (a, existing) = (BatchLog.Produced("A"), BatchLog.Produced("M1"));

        Refusals.Expect(Refusal.AlreadyExists, () => BatchPlanner.Plan(Merge(a.Batch, Sample.Lot("unknown")), World(a, existing), Now), "batch", "already exists: merge into a new lot");
    }

    [Fact]
    public void A_merge_cut_short_after_its_inputs_moved_is_left_for_the_batch_to_finish()
    {
        var (a, b) = (BatchLog.Produced("A"), BatchLog.Produced("B"));
        a.Append(new BatchMerged("merge-1~merge0", Sample.Producer, Sample.Farm, a.State!.UpdatedAt.AddMinutes(1), Sample.Lot("M1"), a.State.Quantity));

        Assert.Empty(BatchPlanner.Plan(Merge(a.Batch, b.Batch), World(a, b), Now));
        var plan = new MergePlan(Merge(a.Batch, b.Batch), Sample.TeaProduct(), []);
        Assert.True(plan.Joined(a.State));
        Assert.False(plan.Joined(b.State));
    }

    [Fact]
    public void A_merge_plan_takes_an_input_back_with_an_id_derived_from_the_merge()
    {
        var (a, b) = (BatchLog.Produced("A"), BatchLog.Produced("B"));
        var plan = MergePlan.Of(Merge(a.Batch, b.Batch), World(a, b), Now);

        var revert = plan.Revert(1, Sample.Kg(100m), "another input could not be merged");

        Assert.Equal(("merge-1~unmerge1", b.Batch, Sample.Lot("M1")), (revert.EventId, revert.Batch, revert.Into));
        Assert.Equal(["merge-1~merge0", "merge-1~merge1"], plan.Moves.Select(m => m.EventId));
    }

    [Fact]
    public void A_transformation_uses_the_inputs_first_then_makes_the_first_output_then_the_others()
    {
        var (a, b) = (BatchLog.Produced("A", 10m), BatchLog.Produced("B", 5m));
        var command = new TransformBatches(
            "t-1", [new TransformInput(a.Batch, Sample.Kg(4m)), new TransformInput(b.Batch, null)], [new BatchPart(Sample.Lot("J1"), Sample.Kg(3m)), new BatchPart(Sample.Lot("J2"), Sample.Kg(6m))],
            Sample.Producer, Sample.Farm, null);

        var plan = BatchPlanner.Plan(command, World(a, b), Now);

        Assert.Equal([a.Batch, b.Batch, Sample.Lot("J1"), Sample.Lot("J2")], plan.Select(p => p.Batch));
        Assert.Equal(["t-1~transform0", "t-1~transform1", "t-1", "t-1~output1"], plan.Select(p => p.Event.EventId));
        Assert.Equal(Sample.Kg(6m), Assert.IsType<BatchTransformed>(plan[0].Event).Remaining);
        Assert.Equal(Sample.Kg(0m), Assert.IsType<BatchTransformed>(plan[1].Event).Remaining);
    }

    [Fact]
    public void Lookups_refuse_what_is_not_registered_naming_the_field()
    {
        var world = World();
        var create = new CreateBatch("c-1", new BatchRef(Sample.Honey, "H1"), Sample.Kg(1m), Sample.Producer, Sample.Farm, null, null);

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchPlanner.Decide(create, world, Now), $"product {Sample.Honey} is not registered");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchPlanner.Decide(create with { Batch = Sample.Lot("T1"), Producer = Sample.Stranger }, world, Now), $"producer_gln {Sample.Stranger} is not a registered participant");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchPlanner.Decide(create with { Batch = Sample.Lot("T1"), ChainId = "nowhere" }, world, Now), "chain 'nowhere' is not defined");
    }

    [Fact]
    public void A_command_names_the_batch_that_runs_it_and_what_it_looks_up()
    {
        var merge = Merge(Sample.Lot("A"), Sample.Lot("B"));

        Assert.Equal(Sample.Lot("M1"), BatchPlanner.Target(merge));
        var needs = BatchPlanner.Needs(merge);
        Assert.Equal([Sample.Tea], needs.Products);
        Assert.Equal([Sample.Producer], needs.Participants);
        Assert.Equal([Sample.Lot("A"), Sample.Lot("B")], needs.Batches);
    }
}
