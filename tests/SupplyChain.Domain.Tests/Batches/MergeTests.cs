using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class MergeTests
{
    private static readonly BatchRef Output = Sample.Lot("M1");
    private static readonly Product Tea = Sample.TeaProduct();

    private static MergeBatches Command(IEnumerable<BatchRef> inputs, Gln? actor = null, DateTimeOffset? at = null, BatchRef? output = null) =>
        new("merge-1", [.. inputs], output ?? Output, actor ?? Sample.Producer, Sample.Farm, at);

    private static JoinMerge Join(BatchLog input, Gln? actor = null, DateTimeOffset? at = null, string unit = "KGM") =>
        new($"merge-1~merge-{input.Batch.Lot}", input.Batch, Output, actor ?? Sample.Producer, Sample.Farm, at, unit);

    private static RevertMerge Revert(BatchLog input, Quantity quantity, BatchRef? into = null) =>
        new($"merge-1~unmerge-{input.Batch.Lot}", input.Batch, into ?? Output, quantity, Sample.Producer, Sample.Farm, "another input could not be merged");

    [Fact]
    public void A_merge_of_two_to_100_distinct_batches_into_a_new_lot_of_the_product_passes_the_check()
    {
        BatchRules.CheckMerge(null, Command([Sample.Lot("A"), Sample.Lot("B")]), Tea);
        BatchRules.CheckMerge(null, Command(Enumerable.Range(0, 100).Select(i => Sample.Lot($"I{i}"))), Tea);
    }

    [Fact]
    public void The_output_must_be_a_new_batch()
    {
        var existing = BatchLog.Produced("M1").State;

        Refusals.Expect(Refusal.AlreadyExists, () => BatchRules.CheckMerge(existing, Command([Sample.Lot("A"), Sample.Lot("B")]), Tea), $"batch {Output} already exists", "merge into a new lot");
    }

    [Fact]
    public void A_merge_needs_two_to_100_distinct_inputs()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.CheckMerge(null, Command([Sample.Lot("A")]), Tea), "inputs:", "at least two batches");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.CheckMerge(null, Command([]), Tea), "inputs:", "at least two batches");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.CheckMerge(null, Command([Sample.Lot("A"), Sample.Lot("B"), Sample.Lot("A")]), Tea), "inputs:", "names the same batch twice");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckMerge(null, Command(Enumerable.Range(0, 101).Select(i => Sample.Lot($"I{i}"))), Tea),
            "inputs:", "has 101 batches, at most 100");
    }

    [Fact]
    public void The_output_is_a_lot_of_the_given_product()
    {
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.CheckMerge(null, Command([Sample.Lot("A"), Sample.Lot("B")], output: new BatchRef(Sample.Honey, "M1")), Tea),
            "output_gtin:", $"product {Sample.Tea} does not match {Sample.Honey}");
    }

    [Fact]
    public void The_custodian_puts_a_whole_input_into_the_merge()
    {
        var a = BatchLog.Produced("A", 12m);

        var merged = BatchRules.JoinMerge(a.State, Join(a), Sample.Now);
        var state = a.Append(merged);

        Assert.Equal(new BatchMerged("merge-1~merge-A", Sample.Producer, Sample.Farm, Sample.Now, Output, Sample.Kg(12m)), merged);
        Assert.Equal("transforming", merged.BizStep);
        Assert.Equal(BatchStatus.Consumed, state.Status);
        Assert.Equal(Quantity.Zero("KGM"), state.Quantity);
        Assert.Equal([Output], state.Children);
    }

    [Fact]
    public void Only_the_custodian_merges_an_input()
    {
        var b = BatchLog.Produced("B");
        b.Ship(Sample.Distributor);
        b.Receive();

        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.JoinMerge(b.State, Join(b), Sample.Now), $"batch {b.Batch} is held by {Sample.Distributor}", "only its custodian may merge it");
        Assert.Equal(Sample.Distributor, BatchRules.JoinMerge(b.State, Join(b, actor: Sample.Distributor), Sample.Now).Actor);
        Refusals.Expect(Refusal.NotFound, () => BatchRules.JoinMerge(null, Join(b), Sample.Now), $"batch {b.Batch} does not exist");
    }

    [Fact]
    public void Inputs_on_hold_in_transit_or_consumed_are_not_merged()
    {
        var held = BatchLog.Produced("H");
        held.FailFoodSafety();
        var moving = BatchLog.Produced("T");
        moving.Ship(Sample.Distributor);
        var used = BatchLog.Produced("U", 5m);
        used.Append(BatchRules.JoinMerge(used.State, Join(used), Sample.Now));

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.JoinMerge(held.State, Join(held), Sample.Now), "is on hold", "cannot be merged");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.JoinMerge(moving.State, Join(moving), Sample.Now), "is in transit", "cannot be merged");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.JoinMerge(used.State, Join(used), Sample.Now), "is consumed and cannot be merged");
    }

    [Fact]
    public void Inputs_must_be_in_the_merged_products_unit()
    {
        var a = BatchLog.Produced("A");

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.JoinMerge(a.State, Join(a, unit: "GRM"), Sample.Now),
            $"batch {a.Batch} is counted in KGM but the merged product in GRM", "must share a unit");
    }

    [Fact]
    public void The_merge_time_is_checked()
    {
        var a = BatchLog.Produced("A");
        var created = a.State!.CreatedAt;

        Assert.Equal(created, BatchRules.JoinMerge(a.State, Join(a, at: created), Sample.Now).EventTime);
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.JoinMerge(a.State, Join(a, at: created.AddTicks(-1)), Sample.Now), "merged_at", "events must be in order");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.JoinMerge(a.State, Join(a, at: Sample.Now.AddHours(1)), Sample.Now), "merged_at:", "in the future");
    }

    [Fact]
    public void An_input_is_not_merged_before_its_custodian_received_it()
    {
        // Received by the distributor at Now-30min: the distributor cannot have merged it at Now-40min.
        var b = BatchLog.Produced("B");
        b.Ship(Sample.Distributor);
        b.Receive();

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.JoinMerge(b.State, Join(b, actor: Sample.Distributor, at: Sample.Now.AddMinutes(-40)), Sample.Now),
            "merged_at", "events must be in order");
    }

    [Fact]
    public void The_new_batch_holds_the_sum_of_its_inputs()
    {
        var a = BatchLog.Produced("A", 10.25m);
        var b = BatchLog.Produced("B", 20m);
        var c = BatchLog.Produced("C", 0.75m);
        var command = Command([a.Batch, b.Batch, c.Batch]);
        BatchRules.CheckMerge(null, command, Tea);
        var joined = new[] { a, b, c }.Select((l, i) => BatchRules.JoinMerge(l.State, Join(l), Sample.Now.AddMinutes(-i))).ToList();

        var created = BatchRules.MergeOutput(command, joined, ["tea-north", "tea-north", "tea-north"], Tea, Sample.Now.AddMinutes(1));
        var state = new BatchLog(Output).Append(created);

        Assert.Equal(Sample.Kg(31m), created.Quantity);
        Assert.Equal((Output.Gtin, Output.Lot), (created.Gtin, created.Lot));
        Assert.Equal(Origin.Merged, created.Origin);
        Assert.Equal("transforming", created.BizStep);
        Assert.Equal(Sample.Producer, created.Producer);
        Assert.Equal(Sample.Producer, created.Actor);
        Assert.Equal("tea-north", created.ChainId);
        Assert.Equal(Sample.Now, created.EventTime);
        Assert.Equal([new BatchPart(a.Batch, Sample.Kg(10.25m)), new BatchPart(b.Batch, Sample.Kg(20m)), new BatchPart(c.Batch, Sample.Kg(0.75m))], created.Inputs);
        Assert.Equal([a.Batch, b.Batch, c.Batch], state.Parents);
        Assert.Equal(Sample.Kg(31m), state.Quantity);
        Assert.Equal(Sample.Producer, state.Custodian);
    }

    [Fact]
    public void A_given_merge_time_is_the_new_batchs_time()
    {
        var a = BatchLog.Produced("A");
        var b = BatchLog.Produced("B");
        var at = Sample.Now.AddMinutes(-15);
        var joined = new[] { a, b }.Select(l => BatchRules.JoinMerge(l.State, Join(l, at: at), Sample.Now)).ToList();

        var created = BatchRules.MergeOutput(Command([a.Batch, b.Batch], at: at), joined, ["tea-north", "tea-north"], Tea, Sample.Now);

        Assert.Equal(at, created.EventTime);
    }

    [Theory]
    [InlineData("tea-north", "tea-south")]
    [InlineData("tea-north", null)]
    [InlineData(null, null)]
    public void Inputs_on_different_chains_or_none_make_a_batch_on_no_chain(string? first, string? second)
    {
        var a = BatchLog.Produced("A", chainId: first);
        var b = BatchLog.Produced("B", chainId: second);
        var joined = new[] { a, b }.Select(l => BatchRules.JoinMerge(l.State, Join(l), Sample.Now)).ToList();

        var created = BatchRules.MergeOutput(Command([a.Batch, b.Batch]), joined, [a.State!.ChainId, b.State!.ChainId], Tea, Sample.Now);

        Assert.Null(created.ChainId);
    }

    [Fact]
    public void The_merger_becomes_the_producer_of_the_new_batch()
    {
        var a = BatchLog.Produced("A");
        var b = BatchLog.Produced("B");
        foreach (var log in new[] { a, b })
        {
            log.Ship(Sample.Distributor);
            log.Receive();
        }

        var joined = new[] { a, b }.Select(l => BatchRules.JoinMerge(l.State, Join(l, actor: Sample.Distributor), Sample.Now)).ToList();
        var created = BatchRules.MergeOutput(Command([a.Batch, b.Batch], actor: Sample.Distributor), joined, ["tea-north", "tea-north"], Tea, Sample.Now);

        Assert.Equal(Sample.Distributor, created.Producer);
        Assert.Equal(Sample.Distributor, new BatchLog(Output).Append(created).Custodian);
    }

    [Fact]
    public void A_reverted_merge_gives_the_input_back()
    {
        var a = BatchLog.Produced("A", 12m);
        a.Append(BatchRules.Split(a.State, new SplitBatch("split", a.Batch, Sample.Producer, [new BatchPart(Sample.Lot("A1"), Sample.Kg(2m))], Sample.Farm, null), Sample.Now.AddMinutes(-5)));
        var merged = BatchRules.JoinMerge(a.State, Join(a), Sample.Now);
        a.Append(merged);

        var reverted = BatchRules.RevertMerge(a.State, Revert(a, merged.Quantity), Sample.Now.AddMinutes(1));
        var state = a.Append(reverted);

        Assert.Equal(new MergeReverted("merge-1~unmerge-A", Sample.Producer, Sample.Farm, Sample.Now.AddMinutes(1), Output, Sample.Kg(10m), "another input could not be merged"), reverted);
        Assert.Equal("transforming", reverted.BizStep);
        Assert.Equal(BatchStatus.Active, state.Status);
        Assert.Equal(Sample.Kg(10m), state.Quantity);
        Assert.Equal([Sample.Lot("A1")], state.Children);
        Assert.Equal(Sample.Producer, BatchRules.Ship(state, new ShipBatch("ship", a.Batch, Sample.Producer, Sample.Distributor, null, Sample.Farm, null), Sample.Now.AddMinutes(2)).Actor);
    }

    [Fact]
    public void Only_a_batch_merged_into_that_output_is_reverted()
    {
        var active = BatchLog.Produced("A");
        var other = BatchLog.Produced("B");
        other.Append(BatchRules.JoinMerge(other.State, Join(other), Sample.Now));

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.RevertMerge(active.State, Revert(active, Sample.Kg(100m)), Sample.Now), $"batch {active.Batch} is not merged into {Output}");
        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.RevertMerge(other.State, Revert(other, Sample.Kg(100m), into: Sample.Lot("M2")), Sample.Now),
            $"batch {other.Batch} is not merged into {Sample.Lot("M2")}");
        Refusals.Expect(Refusal.NotFound, () => BatchRules.RevertMerge(null, Revert(active, Sample.Kg(1m)), Sample.Now), "does not exist");
    }
}
