using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Effects;

/// <summary>
/// The work a stored event causes outside its batch's log: the movement its chain records, the participants' lists it
/// changes, the child batches a split makes, the input batches a reply carries, the alerts raised, and whether a
/// shipment's deadline must be watched. Applying them again (a retried event) changes nothing more.
/// </summary>
public sealed record BatchEffects(
    ChainMovement? Movement,
    IReadOnlyList<ListingChange> Listings,
    IReadOnlyList<(BatchRef Batch, BatchCreated Created)> Children,
    IReadOnlyList<BatchRef> Inputs,
    IReadOnlyList<Alert> Alerts,
    bool WatchTransit)
{
    /// <summary>The effects of <paramref name="recorded"/>, given the batch's state now (after it, or later on a retry).</summary>
    public static BatchEffects Of(BatchState state, RecordedEvent recorded)
    {
        ChainMovement Moved(MovementKind kind, Gln custodian, Gln? receiver = null, IReadOnlyList<string>? violations = null) =>
            new(state.Ref, recorded.Version, recorded.Event.EventTime, kind, custodian, receiver, violations ?? []);

        var movement = recorded.Event switch
        {
            BatchCreated created => Moved(MovementKind.Joined, created.Actor),

            // A passed check changes nothing on the chain; only a failed one is written to its ledger.
            CheckpointRecorded checkpoint when CheckpointRules.Violations(checkpoint.Results) is { Count: > 0 } violations =>
                Moved(MovementKind.Checked, state.Custodian, violations: violations),
            BatchShipped shipped => Moved(MovementKind.Shipped, shipped.Actor, shipped.Receiver),
            BatchReceived received => Moved(MovementKind.Received, received.Actor, violations: CheckpointRules.Violations(received.Results).Concat(received.MissingReadings).ToList()),
            ShipmentRejected rejected => Moved(MovementKind.Rejected, rejected.Shipper),
            BatchSplit { Remaining.Value: 0 } split => Moved(MovementKind.Consumed, split.Actor),
            BatchMerged merged => Moved(MovementKind.Consumed, merged.Actor),
            MergeReverted => Moved(MovementKind.Restored, state.Custodian),
            BatchTransformed { Remaining.Value: 0 } used => Moved(MovementKind.Consumed, used.Actor),
            TransformReverted => Moved(MovementKind.Restored, state.Custodian),
            _ => null,
        };

        IReadOnlyList<(BatchRef, BatchCreated)> children = recorded.Event is BatchSplit parted
            ? parted.Children.Select((part, i) => (part.Batch, BatchRules.SplitChild(state, parted, part, EventId.Derived(parted.EventId, "split", i)))).ToList()
            : [];
        IReadOnlyList<BatchRef> inputs = recorded.Event is BatchCreated { Origin: Origin.Merged or Origin.Transformed } made ? made.Inputs.Select(i => i.Batch).ToList() : [];
        return new BatchEffects(
            state.ChainId is null ? null : movement,
            ListingsOf(state, recorded.Event),
            children,
            inputs,
            BatchAlerts.Of(state, recorded),
            recorded.Event is BatchShipped);
    }

    /// <summary>The producer's list gets a new batch; the custodian's holds the batch while it is not consumed, a previous holder's does not.</summary>
    private static IReadOnlyList<ListingChange> ListingsOf(BatchState state, BatchEvent e)
    {
        var changes = new List<ListingChange>();
        if (e is BatchCreated created)
        {
            changes.Add(ListingChange.Produced(created.Producer));
        }

        // Only events that change who holds the batch, or whether it is consumed, touch the held lists.
        if (e is BatchCreated or BatchReceived or BatchMerged or MergeReverted
            or BatchSplit { Remaining.Value: 0 } or BatchTransformed { Remaining.Value: 0 } or TransformReverted)
        {
            changes.Add(ListingChange.Holds(state.Custodian, state.Status != BatchStatus.Consumed));
            if (e is BatchReceived { Shipper: var previous } && previous != state.Custodian)
            {
                changes.Add(ListingChange.Holds(previous, false));
            }
        }

        return changes;
    }
}
