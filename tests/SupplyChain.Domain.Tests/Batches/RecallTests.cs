using System.Text.Json.Nodes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class RecallTests
{
    private static readonly Participant Auditor = Sample.Party(Sample.Auditor, Role.Auditor);

    private static RecallBatch Command(BatchLog log, string reason = "lead above limit") =>
        new("recall-1", log.Batch, Sample.Auditor, "recall-1", log.Batch, reason);

    [Fact]
    public void An_auditor_recalls_a_batch_and_it_stays_with_its_custodian()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);

        var e = BatchRules.Recall(log.State, Command(log), Auditor, Sample.Now);
        var state = log.Append(e);

        Assert.Equal(new BatchRecalled("recall-1", Sample.Auditor, Sample.Auditor, Sample.Now, "recall-1", log.Batch, "lead above limit"), e);
        Assert.Equal("holding", e.BizStep);
        Assert.Equal((BatchStatus.Recalled, Sample.Producer, Sample.Distributor), (state.Status, state.Custodian, state.PendingReceiver));
        Assert.Equal("recalled (recall-1): lead above limit", state.HoldReason);
    }

    [Fact]
    public void Only_auditors_recall()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.Recall(log.State, Command(log), Sample.Party(Sample.Lab, Role.Lab), Sample.Now), "not an auditor");
    }

    [Fact]
    public void A_recalled_batch_is_not_recalled_again_and_cannot_move()
    {
        var log = BatchLog.Produced();
        log.Append(BatchRules.Recall(log.State, Command(log), Auditor, Sample.Now));

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Recall(log.State, Command(log) with { EventId = "recall-2", RecallId = "recall-2" }, Auditor, Sample.Now), "already recalled (recall-1)");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Ship(log.State, new ShipBatch("ship-1", log.Batch, Sample.Producer, Sample.Distributor, null, Sample.Farm, null), Sample.Now), "recalled and cannot be shipped");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Split(log.State, new SplitBatch("split-1", log.Batch, Sample.Producer, [new BatchPart(Sample.Lot("P1"), Sample.Kg(1m))], Sample.Farm, null), Sample.Now), "recalled and cannot be split");
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.JoinMerge(log.State, new JoinMerge("m~merge0", log.Batch, Sample.Lot("M"), Sample.Producer, Sample.Farm, null, "KGM"), Sample.Now), "recalled and cannot be merged");
    }

    [Fact]
    public void A_consumed_batch_records_the_recall_and_stays_consumed()
    {
        var trace = SampleTrace.Build();
        var merged = trace.B;
        Assert.Equal(BatchStatus.Consumed, merged.State!.Status);

        var state = merged.Append(BatchRules.Recall(merged.State, Command(merged), Auditor, Sample.Now));

        Assert.Equal((BatchStatus.Consumed, 0m), (state.Status, state.Quantity.Value));
        Assert.Equal(merged.Events.Count, BatchTrail.Of(merged.Events)!.Version);
    }

    [Fact]
    public void Downstream_recall_ids_come_from_the_batch_key_whatever_the_walk_order()
    {
        var root = Command(BatchLog.Produced("ROOT"));
        var (a, b) = (Sample.Lot("A"), Sample.Lot("B"));

        var first = new[] { a, b }.Select(x => BatchRules.RecallDownstream(root, x)).ToList();
        var second = new[] { b, a }.Select(x => BatchRules.RecallDownstream(root, x)).Reverse().ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first[0].EventId, first[1].EventId);
        Assert.All(first, c => Assert.StartsWith("recall-1~recall", c.EventId, StringComparison.Ordinal));
        Assert.All(first, c => Assert.Equal((root.RecallId, root.Root, root.Reason), (c.RecallId, c.Root, c.Reason)));
    }

    [Fact]
    public void A_recall_exports_as_a_recalled_ObjectEvent_that_validates_and_as_a_recall_row()
    {
        var trace = SampleTrace.Build();
        var root = Command(trace.A);
        trace.A.Append(BatchRules.Recall(trace.A.State, root, Auditor, SampleTrace.Start.AddHours(8)));
        var downstream = BatchRules.RecallDownstream(root, trace.A1.Batch);
        trace.A1.Append(BatchRules.Recall(trace.A1.State, downstream, Auditor, SampleTrace.Start.AddHours(8)));

        var document = EpcisExport.Document(trace.Logs, SampleTrace.Start.AddDays(1), SampleTrace.ProductNames);
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var recalls = document["epcisBody"]!["eventList"]!.AsArray().Select(e => e!.AsObject()).Where(e => e["disposition"]?.GetValue<string>() == "recalled").ToList();
        Assert.Equal(2, recalls.Count);
        Assert.All(recalls, e => Assert.Equal(("ObjectEvent", "holding", "recall-1"), (Text(e["type"]), Text(e["bizStep"]), Text(e["sc:recallId"]))));

        var rows = TraceabilityCsv.Records(trace.Logs).Where(r => r.EventType == "recall").ToList();
        Assert.Equal([trace.A.Batch, trace.A1.Batch], rows.Select(r => r.Batch).ToList());
        Assert.Equal(("recall", "recall-1"), (rows[1].ReferenceDocumentType, rows[1].ReferenceDocument));
        Assert.Equal([trace.A.Batch], rows[1].RelatedLots);
        Assert.Contains("downstream of (01)", rows[1].Detail, StringComparison.Ordinal);
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
