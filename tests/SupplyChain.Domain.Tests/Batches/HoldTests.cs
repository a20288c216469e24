using System.Text.Json.Nodes;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class HoldTests
{
    private static readonly Participant Auditor = Sample.Party(Sample.Auditor, Role.Auditor);

    private static ChangeHold Place(BatchLog log, string reason = "lab report LR-7 pending", string id = "hold-1") =>
        new(id, log.Batch, Sample.Auditor, HoldAction.Place, reason);

    private static ChangeHold Lift(BatchLog log, string reason = "LR-7 clear", string id = "release-1") =>
        new(id, log.Batch, Sample.Auditor, HoldAction.Lift, reason);

    private static ShipBatch Ship(BatchLog log) => new("ship-x", log.Batch, log.State!.Custodian, Sample.Retailer, null, Sample.Farm, null);

    [Fact]
    public void An_auditor_holds_an_active_batch_where_it_is_and_it_cannot_move()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Receive();

        var e = BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now);
        var state = log.Append(e);

        Assert.Equal(new BatchHeld("hold-1", Sample.Auditor, Sample.Warehouse, Sample.Now, "lab report LR-7 pending"), e);
        Assert.Equal("holding", e.BizStep);
        Assert.Equal((BatchStatus.OnHold, Sample.Distributor, Sample.Warehouse), (state.Status, state.Custodian, state.Location));
        Assert.Equal($"held by {Sample.Auditor} (hold-1): lab report LR-7 pending", state.HoldReason);
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Ship(log.State, Ship(log), Sample.Now), "is on hold (held by", "cannot be shipped");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Split(log.State, new SplitBatch("split-1", log.Batch, Sample.Distributor, [new BatchPart(Sample.Lot("P1"), Sample.Kg(1m))], Sample.Farm, null), Sample.Now), "cannot be split");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.JoinMerge(log.State, new JoinMerge("m~merge0", log.Batch, Sample.Lot("M"), Sample.Distributor, Sample.Farm, null, "KGM"), Sample.Now), "cannot be merged");
    }

    [Fact]
    public void Lifting_the_hold_makes_the_batch_active_again_and_it_ships()
    {
        var log = BatchLog.Produced();
        log.Append(BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now));

        var e = BatchRules.LiftHold(log.State, Lift(log), Auditor, Sample.Now.AddHours(1));
        var state = log.Append(e);

        Assert.Equal(new HoldLifted("release-1", Sample.Auditor, Sample.Farm, Sample.Now.AddHours(1), "LR-7 clear"), e);
        Assert.Equal((BatchStatus.Active, (string?)null, Sample.Producer), (state.Status, state.HoldReason, state.Custodian));
        Assert.Equal(BatchStatus.InTransit, log.Append(BatchRules.Ship(log.State, Ship(log), Sample.Now.AddHours(2))).Status);
    }

    [Fact]
    public void An_auditor_lifts_the_hold_a_failed_food_safety_check_caused()
    {
        var log = BatchLog.Produced();
        log.FailFoodSafety();
        Assert.Equal(BatchStatus.OnHold, log.State!.Status);

        var state = log.Append(BatchRules.LiftHold(log.State, Lift(log, "resampled: lead 0.05 mg/kg"), Auditor, Sample.Now.AddHours(1)));

        Assert.Equal((BatchStatus.Active, (string?)null, 1), (state.Status, state.HoldReason, state.FailedCheckpoints));
    }

    [Fact]
    public void Only_a_registered_auditor_places_or_lifts_a_hold()
    {
        var log = BatchLog.Produced();
        var lab = Sample.Party(Sample.Lab, Role.Lab);
        var producer = Sample.Party(Sample.Producer, Role.Producer);

        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.PlaceHold(log.State, Place(log) with { Auditor = Sample.Lab }, lab, Sample.Now), "not an auditor", "place holds");
        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.PlaceHold(log.State, Place(log) with { Auditor = Sample.Producer }, producer, Sample.Now), "not an auditor");
        log.FailFoodSafety();
        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.LiftHold(log.State, Lift(log) with { Auditor = Sample.Lab }, lab, Sample.Now), "not an auditor", "lift holds");
    }

    [Fact]
    public void A_hold_needs_a_batch_and_a_bounded_reason()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.NotFound, () => BatchRules.PlaceHold(null, Place(log), Auditor, Sample.Now), "does not exist");
        Refusals.Expect(Refusal.NotFound, () => BatchRules.LiftHold(null, Lift(log), Auditor, Sample.Now), "does not exist");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.PlaceHold(log.State, Place(log, "  "), Auditor, Sample.Now), "reason");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.PlaceHold(log.State, Place(log, new string('x', Bounds.HoldReasonLength + 1)), Auditor, Sample.Now), "reason");
        Assert.Equal(Bounds.HoldReasonLength, BatchRules.PlaceHold(log.State, Place(log, new string('x', Bounds.HoldReasonLength)), Auditor, Sample.Now).Reason.Length);
        log.FailFoodSafety();
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.LiftHold(log.State, Lift(log, ""), Auditor, Sample.Now), "reason");
    }

    [Fact]
    public void A_batch_in_transit_is_not_held_until_it_arrives()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now), "in transit to " + Sample.Distributor, "once it is received");

        log.Receive();
        Assert.Equal(BatchStatus.OnHold, log.Append(BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now.AddHours(1))).Status);
    }

    [Fact]
    public void A_batch_on_hold_recalled_or_consumed_is_not_held_again()
    {
        var held = BatchLog.Produced("H");
        held.Append(BatchRules.PlaceHold(held.State, Place(held), Auditor, Sample.Now));
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.PlaceHold(held.State, Place(held, id: "hold-2"), Auditor, Sample.Now), "already on hold (held by");

        var failed = BatchLog.Produced("F");
        failed.FailFoodSafety();
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.PlaceHold(failed.State, Place(failed), Auditor, Sample.Now), "already on hold (failed sampling check");

        var recalled = BatchLog.Produced("R");
        recalled.Append(BatchRules.Recall(recalled.State, new RecallBatch("recall-1", recalled.Batch, Sample.Auditor, "recall-1", recalled.Batch, "lead"), Auditor, Sample.Now));
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.PlaceHold(recalled.State, Place(recalled), Auditor, Sample.Now), "recalled (recall-1)");

        var consumed = SampleTrace.Build().B;
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.PlaceHold(consumed.State, Place(consumed), Auditor, Sample.Now), "is consumed", "made from it");
    }

    [Fact]
    public void Only_a_batch_on_hold_has_a_hold_to_lift()
    {
        var log = BatchLog.Produced();
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.LiftHold(log.State, Lift(log), Auditor, Sample.Now), "is not on hold (it is active)", "no hold to lift");

        log.Ship(Sample.Distributor);
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.LiftHold(log.State, Lift(log), Auditor, Sample.Now), "(it is in transit)");

        log.Receive();
        log.Append(BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now.AddHours(1)));
        log.Append(BatchRules.Recall(log.State, new RecallBatch("recall-1", log.Batch, Sample.Auditor, "recall-1", log.Batch, "lead"), Auditor, Sample.Now.AddHours(2)));
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.LiftHold(log.State, Lift(log), Auditor, Sample.Now), "(it is recalled)");
    }

    [Fact]
    public void Placing_and_lifting_differ_in_their_fingerprint()
    {
        var log = BatchLog.Produced();
        var place = Place(log, "same words", "same-id");

        Assert.NotEqual(EventHash.Fingerprint(place), EventHash.Fingerprint(place with { Action = HoldAction.Lift }));
    }

    [Fact]
    public void A_hold_is_no_custody_step_and_the_trail_goes_on_after_it()
    {
        var log = BatchLog.Produced();
        log.Append(BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now));
        log.Append(BatchRules.LiftHold(log.State, Lift(log), Auditor, Sample.Now.AddMinutes(5)));
        log.Ship(Sample.Distributor);

        var trail = BatchTrail.Of(log.Events)!;

        Assert.Equal(4, trail.Version);
        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.Shipped], trail.Custody.Select(s => s.Kind).ToList());
        Assert.True(trail.Involves(Sample.Producer));
    }

    [Fact]
    public void A_placed_hold_raises_a_hold_alert_and_lifting_it_raises_none()
    {
        var log = BatchLog.Produced();
        var held = log.Append(BatchRules.PlaceHold(log.State, Place(log), Auditor, Sample.Now));

        var alert = Assert.Single(BatchAlerts.Of(held, log.Events[^1]));
        Assert.Equal((AlertKind.Held, $"{log.Batch.Key}/2/Held"), (alert.Kind, alert.AlertId));
        Assert.Contains("is on hold: held by " + Sample.Auditor, alert.Message, StringComparison.Ordinal);
        Assert.Equal(["participant/" + Sample.Producer.Value, "chain/tea-north"], AlertAudience.Of(alert));

        var lifted = log.Append(BatchRules.LiftHold(log.State, Lift(log), Auditor, Sample.Now.AddMinutes(5)));
        Assert.Empty(BatchAlerts.Of(lifted, log.Events[^1]));
    }

    [Fact]
    public void Holds_export_as_holding_ObjectEvents_that_validate_and_as_rows()
    {
        var trace = SampleTrace.Build();
        var at = SampleTrace.Start.AddHours(8);
        trace.A.Append(BatchRules.PlaceHold(trace.A.State, Place(trace.A), Auditor, at));
        trace.A2.Append(BatchRules.LiftHold(trace.A2.State, Lift(trace.A2), Auditor, at));

        var document = EpcisExport.Document(trace.Logs, SampleTrace.Start.AddDays(1), SampleTrace.ProductNames);

        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var holds = document["epcisBody"]!["eventList"]!.AsArray().Select(e => e!.AsObject()).Where(e => e["sc:hold"] is not null).ToList();
        Assert.Equal(
            [("ObjectEvent", "OBSERVE", "holding", "non_sellable_other", "placed"), ("ObjectEvent", "OBSERVE", "holding", "active", "lifted")],
            holds.Select(e => (Text(e["type"]), Text(e["action"]), Text(e["bizStep"]), Text(e["disposition"]), Text(e["sc:hold"]))).ToList());
        Assert.Equal(["lab report LR-7 pending", "LR-7 clear"], holds.Select(e => Text(e["sc:reason"])).ToList());
        Assert.All(holds, e => Assert.Equal(EpcisIdentifier.PartyUri(Sample.Auditor), Text(e["sc:auditor"])));

        var rows = TraceabilityCsv.Records(trace.Logs).Where(r => r.EventType.StartsWith("hold_", StringComparison.Ordinal)).ToList();
        Assert.Equal([("hold_placed", trace.A.Batch), ("hold_lifted", trace.A2.Batch)], rows.Select(r => (r.EventType, r.Batch)).ToList());
        Assert.Equal($"by auditor {Sample.Auditor}: LR-7 clear", rows[1].Detail);
        Assert.Contains(",hold_lifted,", TraceabilityCsv.Write(trace.Logs), StringComparison.Ordinal);
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
