using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class SplitTests
{
    private static BatchPart Part(string lot, decimal kilograms) => new(Sample.Lot(lot), Sample.Kg(kilograms));

    private static SplitBatch Command(BatchLog log, IReadOnlyList<BatchPart> parts, Gln? actor = null, DateTimeOffset? at = null) =>
        new("split-1", log.Batch, actor ?? Sample.Producer, parts, Sample.Farm, at);

    [Fact]
    public void Parts_become_children_and_the_rest_stays()
    {
        var log = BatchLog.Produced(kilograms: 100m);

        var e = BatchRules.Split(log.State, Command(log, [Part("C1", 30m), Part("C2", 45.5m)]), Sample.Now);
        var state = log.Append(e);

        Assert.Equal(Sample.Kg(24.5m), e.Remaining);
        Assert.Equal([Part("C1", 30m), Part("C2", 45.5m)], e.Children);
        Assert.Equal("transforming", e.BizStep);
        Assert.Equal(Sample.Kg(24.5m), state.Quantity);
        Assert.Equal(BatchStatus.Active, state.Status);
        Assert.Equal([Sample.Lot("C1"), Sample.Lot("C2")], state.Children);
    }

    [Fact]
    public void A_split_that_takes_everything_consumes_the_parent()
    {
        var log = BatchLog.Produced(kilograms: 100m);

        var e = BatchRules.Split(log.State, Command(log, [Part("C1", 60m), Part("C2", 40m)]), Sample.Now);
        var state = log.Append(e);

        Assert.Equal(Quantity.Zero("KGM"), e.Remaining);
        Assert.Equal(BatchStatus.Consumed, state.Status);
        Assert.Equal(0m, state.Quantity.Value);
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Split(state, Command(log, [Part("C3", 1m)]), Sample.Now), "is consumed and cannot be split");
    }

    [Fact]
    public void Children_of_a_second_split_are_added()
    {
        var log = BatchLog.Produced(kilograms: 100m);
        log.Append(BatchRules.Split(log.State, Command(log, [Part("C1", 10m)]), Sample.Now));

        var state = log.Append(BatchRules.Split(log.State, Command(log, [Part("C2", 10m)]) with { EventId = "split-2" }, Sample.Now));

        Assert.Equal([Sample.Lot("C1"), Sample.Lot("C2")], state.Children);
        Assert.Equal(Sample.Kg(80m), state.Quantity);
    }

    [Fact]
    public void Parts_adding_up_to_more_than_the_batch_are_refused()
    {
        var log = BatchLog.Produced(kilograms: 100m);

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.Split(log.State, Command(log, [Part("C1", 60m), Part("C2", 40.000001m)]), Sample.Now),
            "parts add up to 100.000001 KGM, more than the 100 KGM", "quantities are conserved");
    }

    [Fact]
    public void Every_part_needs_a_new_lot()
    {
        var log = BatchLog.Produced("P1", 100m);

        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Split(log.State, Command(log, [Part("C1", 1m), Part("C2", 1m), Part("C1", 1m)]), Sample.Now), "parts[2].lot:", "'C1' is used twice");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Split(log.State, Command(log, [Part("C1", 1m), Part("P1", 1m)]), Sample.Now), "parts[1].lot:", "'P1' is used twice", "every part needs a new lot");
    }

    [Fact]
    public void A_part_keeps_the_parents_gtin()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.Split(log.State, Command(log, [Part("C1", 1m), new BatchPart(new BatchRef(Sample.Honey, "C2"), Sample.Kg(1m))]), Sample.Now),
            "parts[1]:", "keeps the parent's GTIN");
    }

    [Fact]
    public void A_part_is_in_the_batchs_unit()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.Split(log.State, Command(log, [new BatchPart(Sample.Lot("C1"), new Quantity(500m, "GRM"))]), Sample.Now),
            "parts[0].quantity.unit:", "GRM differs from the batch's unit KGM");
    }

    [Fact]
    public void One_to_100_parts_are_allowed()
    {
        var log = BatchLog.Produced(kilograms: 1000m);
        BatchPart[] Parts(int n) => [.. Enumerable.Range(0, n).Select(i => Part($"C{i}", 1m))];

        Assert.Equal(Sample.Kg(900m), BatchRules.Split(log.State, Command(log, Parts(100)), Sample.Now).Remaining);
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Split(log.State, Command(log, Parts(101)), Sample.Now), "parts:", "has 101 parts, at most 100");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Split(log.State, Command(log, []), Sample.Now), "parts:", "at least one part");
    }

    [Fact]
    public void Only_the_custodian_splits()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.Split(log.State, Command(log, [Part("C1", 1m)], actor: Sample.Distributor), Sample.Now), $"only the current custodian {Sample.Producer} may split");
        Refusals.Expect(Refusal.NotFound, () => BatchRules.Split(null, Command(log, [Part("C1", 1m)]), Sample.Now), "does not exist");
    }

    [Fact]
    public void A_batch_on_hold_or_in_transit_is_not_split()
    {
        var held = BatchLog.Produced();
        held.FailFoodSafety();
        var moving = BatchLog.Produced();
        moving.Ship(Sample.Distributor);

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Split(held.State, Command(held, [Part("C1", 1m)]), Sample.Now), "is on hold", "cannot be split");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Split(moving.State, Command(moving, [Part("C1", 1m)]), Sample.Now), "is in transit", "cannot be split until it is received");
    }

    [Fact]
    public void A_split_is_not_before_the_batch_was_made()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Split(log.State, Command(log, [Part("C1", 1m)], at: log.State!.CreatedAt.AddTicks(-1)), Sample.Now), "split_at", "events must be in order");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Split(log.State, Command(log, [Part("C1", 1m)], at: Sample.Now.AddHours(2)), Sample.Now), "split_at:", "in the future");
    }

    [Fact]
    public void A_split_is_not_before_the_custodian_received_the_batch()
    {
        // Received by the distributor at Now-30min: the distributor cannot have split it at Now-40min.
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        var received = log.Receive();

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.Split(received, Command(log, [Part("C1", 1m)], actor: Sample.Distributor, at: Sample.Now.AddMinutes(-40)), Sample.Now),
            "split_at", "events must be in order");
    }

    [Fact]
    public void A_child_starts_with_its_part_and_names_its_parent()
    {
        var log = BatchLog.Produced(kilograms: 100m, chainId: "tea-north");
        var split = BatchRules.Split(log.State, Command(log, [Part("C1", 30m)]), Sample.Now);

        var created = BatchRules.SplitChild(log.State!, split, split.Children[0], EventId.Derived(split.EventId, "child", 0));
        var child = new BatchLog(Sample.Lot("C1"));
        var state = child.Append(created);

        Assert.Equal("split-1~child0", created.EventId);
        Assert.Equal(Origin.Split, created.Origin);
        Assert.Equal("transforming", created.BizStep);
        Assert.Equal([new BatchPart(log.Batch, Sample.Kg(30m))], created.Inputs);
        Assert.Equal(Sample.Kg(30m), state.Quantity);
        Assert.Equal(Sample.Producer, state.Producer);
        Assert.Equal(Sample.Producer, state.Custodian);
        Assert.Equal("tea-north", state.ChainId);
        Assert.Equal([log.Batch], state.Parents);
        Assert.Equal(split.EventTime, state.CreatedAt);
    }
}
