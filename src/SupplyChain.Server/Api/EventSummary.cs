using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;

namespace SupplyChain.Server.Api;

/// <summary>One line a person reads in a batch history.</summary>
public static class EventSummary
{
    public static string Of(BatchEvent e) => e switch
    {
        BatchCreated { Origin: Origin.Produced } c => $"produced {c.Quantity} by {c.Producer}",
        BatchCreated { Origin: Origin.Split } c => $"split off {string.Join(", ", c.Inputs.Select(i => i.Batch.Key))}: {c.Quantity}",
        BatchCreated { Origin: Origin.Transformed } c => $"transformed from {string.Join(", ", c.Inputs.Select(i => $"{i.Quantity} of {i.Batch.Key}"))}: {c.Quantity}",
        BatchCreated c => $"merged from {c.Inputs.Count} batches: {c.Quantity}",
        CheckpointRecorded c => $"{c.Step} ({c.Kind}) {c.Verdict.ToString().ToUpperInvariant()}"
            + (c.Verdict == Verdict.Fail ? ": " + string.Join("; ", CheckpointRules.Violations(c.Results)) : ""),
        BatchShipped s => $"shipped {s.Quantity} to {s.Receiver}",
        BatchReceived r => $"received {r.Received} from {r.Shipper}" + (r.Loss.Value > 0 ? $", loss {r.Loss}" : "")
            + (r.Condition.Length > 0 ? $" ({r.Condition})" : ""),
        ShipmentRejected r => $"rejected shipment from {r.Shipper}: {r.Reason}",
        BatchSplit s => $"split {s.Children.Count} part(s) off, {s.Remaining} left",
        BatchMerged m => $"merged {m.Quantity} into {m.Into}",
        MergeReverted m => $"taken back out of {m.Into}: {m.Reason}",
        BatchTransformed t => $"transformed {t.Used} into {string.Join(", ", t.Outputs.Select(o => o.Batch.Key))}, {t.Remaining} left",
        TransformReverted t => $"given back {t.Quantity} from transformation {t.TransformationId}: {t.Reason}",
        BatchRecalled r => $"recalled by {r.Actor}: {r.Reason}" + (r.EventId == r.RecallId ? "" : $" (downstream of {r.Root.Key}, recall {r.RecallId})"),
        BatchHeld h => $"put on hold by {h.Actor}: {h.Reason}",
        HoldLifted h => $"hold lifted by {h.Actor}: {h.Reason}",
        ErrorDeclared d => $"event {d.DeclaredVersion} ({d.DeclaredEventId}) declared in error by {d.Actor}" + (d.Reason.Length > 0 ? $": {d.Reason}" : ""),
        _ => e.GetType().Name,
    };
}
