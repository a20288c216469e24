using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;

namespace SupplyChain.Domain.Alerts;

/// <summary>Which alerts a batch's events raise, and when a shipment is overdue.</summary>
public static class BatchAlerts
{
    /// <summary>The alerts a stored event raises, given the batch's state now (a consumed batch holds nothing to warn of).</summary>
    public static IReadOnlyList<Alert> Of(BatchState state, RecordedEvent recorded)
    {
        if (state.Status == BatchStatus.Consumed)
        {
            return new List<Alert>();
        }

        Alert Raise(AlertKind kind, string message) => new(
            $"{state.Ref.Key}/{recorded.Version}/{kind}", kind, state.Ref, recorded.Version, recorded.Event.EventTime,
            state.Custodian, state.PendingReceiver, state.Producer, state.ChainId, message);

        var alerts = new List<Alert>();
        switch (recorded.Event)
        {
            case CheckpointRecorded { Verdict: Verdict.Fail } c:
                alerts.Add(Raise(AlertKind.CheckpointFailed, $"{c.Step} check failed on {state.Ref}: {string.Join("; ", CheckpointRules.Violations(c.Results))}"));
                if (c.Kind == CheckpointKind.FoodSafety && state.Status == BatchStatus.OnHold && state.HoldReason?.Contains(c.EventId, StringComparison.Ordinal) == true)
                {
                    alerts.Add(Raise(AlertKind.Held, $"batch {state.Ref} is on hold: {state.HoldReason}"));
                }

                break;
            case BatchReceived r when r.Verdict == Verdict.Fail || r.MissingReadings.Count > 0:
                var problems = CheckpointRules.Violations(r.Results).Concat(r.MissingReadings.Select(m => $"{m} not measured"));
                alerts.Add(Raise(AlertKind.CheckpointFailed, $"readings at the handoff of {state.Ref} from {r.Shipper} to {r.Actor} failed: {string.Join("; ", problems)}"));
                break;
            case BatchHeld:
                alerts.Add(Raise(AlertKind.Held, $"batch {state.Ref} is on hold: {state.HoldReason}"));
                break;
            case BatchRecalled r:
                alerts.Add(Raise(AlertKind.Recalled, $"batch {state.Ref} is recalled by {r.Actor}: {r.Reason}" + (r.Root == state.Ref ? "" : $" (it was made from {r.Root})")));
                break;
        }

        return alerts;
    }

    /// <summary>When a shipment of the batch passes its chain's time limit; null when it is not in transit or the chain sets none.</summary>
    public static DateTimeOffset? TransitDeadline(BatchState state, ChainDefinition? chain) =>
        state.Status == BatchStatus.InTransit && state.ShippedAt is { } shipped && chain is { MaxTransitHours: > 0 } limited
            ? shipped.AddHours(limited.MaxTransitHours)
            : null;

    /// <summary>The alert for a shipment still not received at <paramref name="now"/>, or null when it is not overdue.</summary>
    public static Alert? Overdue(BatchState state, ChainDefinition? chain, DateTimeOffset now) =>
        TransitDeadline(state, chain) is { } deadline && now > deadline
            ? new Alert(
                $"{state.Ref.Key}/{state.Version}/{AlertKind.ShipmentOverdue}", AlertKind.ShipmentOverdue, state.Ref, state.Version, now,
                state.Custodian, state.PendingReceiver, state.Producer, state.ChainId,
                $"batch {state.Ref} shipped to {state.PendingReceiver} at {state.ShippedAt:O} is not received within the {chain!.MaxTransitHours} h chain '{chain.ChainId}' allows")
            : null;
}
