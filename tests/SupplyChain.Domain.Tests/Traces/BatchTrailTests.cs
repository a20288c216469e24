using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Traces;

public sealed class BatchTrailTests
{
    private static BatchTrail Trail(BatchLog log) => BatchTrail.Of(log.Events) ?? throw new InvalidOperationException("empty log");

    [Fact]
    public void A_produced_batch_starts_with_one_custody_step_by_its_producer()
    {
        var log = BatchLog.Produced("L1", 100m);

        var trail = Trail(log);

        Assert.Equal(1, trail.Version);
        Assert.Equal(Origin.Produced, trail.Origin);
        Assert.Empty(trail.Inputs);
        Assert.Empty(trail.Checkpoints);
        var step = Assert.Single(trail.Custody);
        Assert.Equal(
            (1L, CustodyStepKind.Produced, Sample.Producer, Sample.Producer, Sample.Farm, Sample.Kg(100m), log.Events[0].Event.EventTime),
            (step.Version, step.Kind, step.Actor, step.Custodian, step.Location, step.Quantity, step.At));
        Assert.Null(step.Counterparty);
        Assert.Null(step.Verdict);
        Assert.Equal(Sample.Producer, trail.Custodian);
    }

    [Fact]
    public void Ship_and_receive_are_two_steps_that_move_custody_and_record_the_loss()
    {
        var log = BatchLog.Produced(kilograms: 100m);
        log.Ship(Sample.Distributor);
        log.Receive(Sample.Kg(97.5m));

        var trail = Trail(log);

        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.Shipped, CustodyStepKind.Received], trail.Custody.Select(s => s.Kind).ToArray());
        var (shipped, received) = (trail.Custody[1], trail.Custody[2]);
        Assert.Equal((2L, Sample.Producer, Sample.Producer, Sample.Distributor, Sample.Kg(100m)), (shipped.Version, shipped.Actor, shipped.Custodian, shipped.Counterparty, shipped.Quantity));
        Assert.Equal(
            (3L, Sample.Distributor, Sample.Distributor, Sample.Producer, Sample.Kg(97.5m), Sample.Kg(2.5m), "good"),
            (received.Version, received.Actor, received.Custodian, received.Counterparty, received.Quantity, received.Loss, received.Note));
        Assert.Equal(Sample.Distributor, trail.Custodian);
        Assert.Equal(3, trail.Version);
    }

    [Fact]
    public void A_rejection_leaves_custody_with_the_shipper_and_keeps_the_reason()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Append(new ShipmentRejected("reject-3", Sample.Distributor, Sample.Warehouse, log.State!.UpdatedAt.AddMinutes(30), Sample.Producer, "seal broken"));

        var rejected = Trail(log).Custody[^1];

        Assert.Equal(
            (CustodyStepKind.Rejected, Sample.Distributor, Sample.Producer, Sample.Producer, "seal broken"),
            (rejected.Kind, rejected.Actor, rejected.Custodian, rejected.Counterparty, rejected.Note));
        Assert.Null(rejected.Quantity);
    }

    [Fact]
    public void A_receipt_with_readings_keeps_their_verdict_and_a_missing_reading_fails_it()
    {
        var log = BatchLog.Produced(kilograms: 100.125m);
        log.Ship(Sample.Distributor);
        log.Append(Events.Received with { EventTime = log.State!.UpdatedAt.AddHours(1) });

        var received = Trail(log).Custody[^1];

        Assert.Equal(Verdict.Fail, received.Verdict);
        Assert.Equal(["no humidity reading at handoff into stage 'cold-store'"], received.MissingReadings);
        var result = Assert.Single(received.Results);
        Assert.Equal(("temperature", 4m, true), (result.Measurement.Type, result.Measurement.Value, result.Within));
    }

    [Fact]
    public void Checkpoints_are_kept_apart_from_custody_with_their_verdict_results_and_certificate()
    {
        var log = BatchLog.Produced();
        log.FailFoodSafety("sampling");

        var trail = Trail(log);

        Assert.Single(trail.Custody);
        var check = Assert.Single(trail.Checkpoints);
        Assert.Equal(
            (2L, CheckpointKind.FoodSafety, "sampling", Sample.Lab, Verdict.Fail, "LAB-42"),
            (check.Version, check.Kind, check.Step, check.Actor, check.Verdict, check.Certificate?.Reference));
        Assert.Equal("lead", Assert.Single(check.Results).Measurement.Type);
        Assert.Equal(2, trail.Version);
    }

    [Fact]
    public void A_split_lists_its_children_and_a_child_starts_from_its_parent()
    {
        var parent = BatchLog.Produced("P", 100m);
        var parts = new List<BatchPart> { new(Sample.Lot("C1"), Sample.Kg(30m)), new(Sample.Lot("C2"), Sample.Kg(20.5m)) };
        var split = new BatchSplit("split-2", Sample.Producer, Sample.Farm, parent.State!.UpdatedAt.AddMinutes(1), parts, Sample.Kg(49.5m));
        parent.Append(split);
        var child = new BatchLog(Sample.Lot("C1"));
        child.Append(BatchRules.SplitChild(parent.State!, split, parts[0], "split-2~split0"));

        var step = Trail(parent).Custody[^1];
        Assert.Equal((CustodyStepKind.Split, Sample.Kg(50.5m)), (step.Kind, step.Quantity));
        Assert.Equal(parts, step.Related);

        var childTrail = Trail(child);
        Assert.Equal(Origin.Split, childTrail.Origin);
        Assert.Equal([new BatchPart(Sample.Lot("P"), Sample.Kg(30m))], childTrail.Inputs);
        Assert.Equal(CustodyStepKind.SplitOff, Assert.Single(childTrail.Custody).Kind);
        Assert.Equal(childTrail.Inputs, childTrail.Custody[0].Related);
    }

    [Fact]
    public void A_merge_and_its_undoing_name_the_merged_batch()
    {
        var log = BatchLog.Produced(kilograms: 100.125m);
        log.Append(Events.Merged with { EventTime = log.State!.UpdatedAt.AddMinutes(1) });
        log.Append(Events.Reverted with { EventTime = log.State!.UpdatedAt.AddMinutes(1) });

        var trail = Trail(log);

        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.MergedInto, CustodyStepKind.MergeReverted], trail.Custody.Select(s => s.Kind).ToArray());
        Assert.Equal([new BatchPart(Sample.Lot("M1"), Sample.Kg(100.125m))], trail.Custody[1].Related);
        Assert.Equal("input B is on hold", trail.Custody[2].Note);
    }

    [Fact]
    public void A_transformation_and_its_undoing_name_every_output_and_the_amount_used()
    {
        var log = BatchLog.Produced(kilograms: 100.125m);
        log.Append(Events.Transformed with { EventTime = log.State!.UpdatedAt.AddMinutes(1) });
        log.Append(Events.TransformReverted with { EventTime = log.State!.UpdatedAt.AddMinutes(1) });

        var trail = Trail(log);

        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.TransformedInto, CustodyStepKind.TransformReverted], trail.Custody.Select(s => s.Kind).ToArray());
        Assert.Equal((Sample.Kg(12.5m), Sample.Distributor, Sample.Producer), (trail.Custody[1].Quantity, trail.Custody[1].Actor, trail.Custody[1].Custodian));
        Assert.Equal(Events.Transformed.Outputs, trail.Custody[1].Related);
        Assert.Equal(Events.TransformReverted.Outputs, trail.Custody[2].Related);
        Assert.Equal(("input RAW is on hold", Sample.Kg(12.5m)), (trail.Custody[2].Note, trail.Custody[2].Quantity));
    }

    [Fact]
    public void A_transformed_batch_starts_from_its_inputs_with_what_each_gave()
    {
        var log = new BatchLog(new Domain.Identifiers.BatchRef(Sample.Honey, "H1"));
        log.Append(Events.TransformedFrom);

        var trail = Trail(log);

        Assert.Equal(Origin.Transformed, trail.Origin);
        Assert.Equal(Events.TransformedFrom.Inputs, trail.Inputs);
        var made = Assert.Single(trail.Custody);
        Assert.Equal((CustodyStepKind.TransformedFrom, Sample.Distributor, new Quantity(24m, "H87")), (made.Kind, made.Custodian, made.Quantity));
        Assert.Equal(trail.Inputs, made.Related);
    }

    [Fact]
    public void A_merged_batch_starts_from_its_inputs_with_their_quantities()
    {
        var log = new BatchLog(Sample.Lot("L1"));
        log.Append(Events.Created);

        var trail = Trail(log);

        Assert.Equal(Origin.Merged, trail.Origin);
        Assert.Equal([new BatchPart(Sample.Lot("A"), Sample.Kg(60m)), new BatchPart(Sample.Lot("B/ü?"), Sample.Kg(40.125m))], trail.Inputs);
        Assert.Equal(CustodyStepKind.MergedFrom, trail.Custody[0].Kind);
    }

    [Fact]
    public void Applying_events_one_by_one_gives_the_trail_of_the_whole_log()
    {
        var log = BatchLog.Produced();
        BatchTrail? kept = null;
        void Keep() => kept = BatchTrail.Apply(kept, log.Events[^1]);
        Keep();
        log.Ship(Sample.Distributor);
        Keep();
        log.Receive(Sample.Kg(99m));
        Keep();
        log.FailFoodSafety();
        Keep();

        var whole = Trail(log);

        Assert.Equal(whole.Version, kept!.Version);
        Assert.Equal(whole.Custody.Select(s => (s.Version, s.Kind, s.Custodian, s.Quantity, s.Loss)), kept.Custody.Select(s => (s.Version, s.Kind, s.Custodian, s.Quantity, s.Loss)));
        Assert.Equal(whole.Checkpoints.Select(c => c.Version), kept.Checkpoints.Select(c => c.Version));
    }

    [Fact]
    public void A_trace_node_pairs_the_state_with_the_trail()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);

        var node = TraceNode.Of(log.Events)!;

        Assert.Equal(log.State! with { Parents = node.State.Parents, Children = node.State.Children }, node.State);
        Assert.Equal(2, node.Trail.Version);
        Assert.Null(TraceNode.Of([]));
    }

    [Fact]
    public void Events_out_of_order_or_before_the_creation_are_refused()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Receive();

        var first = BatchTrail.Apply(null, log.Events[0]);
        var skipped = Assert.Throws<InvalidOperationException>(() => BatchTrail.Apply(first, log.Events[2]));
        Assert.Contains("event 3 does not follow version 1", skipped.Message, StringComparison.Ordinal);
        var headless = Assert.Throws<InvalidOperationException>(() => BatchTrail.Apply(null, log.Events[1]));
        Assert.Contains("a trail starts at the creation", headless.Message, StringComparison.Ordinal);
        Assert.Null(BatchTrail.Of([]));
    }

    [Fact]
    public void Declarations_survive_the_trail_s_stored_text_and_a_trail_stored_before_them_reads_with_none()
    {
        var log = BatchLog.Produced("L1", 100m);
        log.Ship(Sample.Distributor);
        log.Append(new ErrorDeclared("ship-2~declared0", Sample.Producer, Sample.Farm, Sample.Now, "ship-2", 2, "incorrect_data", ["urn:uuid:fix-1"]));
        var trail = Trail(log);

        var text = System.Text.Json.JsonSerializer.Serialize(trail, EventHash.Canonical);
        var read = System.Text.Json.JsonSerializer.Deserialize<BatchTrail>(text, EventHash.Canonical)!;
        var olderText = System.Text.Json.JsonSerializer.Serialize(Trail(BatchLog.Produced("L2", 5m)), EventHash.Canonical);
        Assert.Contains(",\"declarations\":[]", olderText, StringComparison.Ordinal);
        var older = System.Text.Json.JsonSerializer.Deserialize<BatchTrail>(olderText.Replace(",\"declarations\":[]", "", StringComparison.Ordinal), EventHash.Canonical)!;

        var declared = Assert.Single(read.Declarations);
        Assert.Equal((2L, "ship-2", 3L, "urn:uuid:fix-1"), (declared.DeclaredVersion, declared.DeclaredEventId, declared.Version, declared.CorrectiveEventIds.Single()));
        Assert.Equal(2, read.Custody.Count);
        Assert.Empty(older.Declarations);
    }
}
