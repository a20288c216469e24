using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches;

/// <summary>A batch as its events have left it.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchState")]
public sealed record BatchState(
    [property: Id(0)] BatchRef Ref,
    [property: Id(1)] Quantity Quantity,
    [property: Id(2)] Gln Producer,
    [property: Id(3)] Gln Custodian,
    [property: Id(4)] Gln Location,
    [property: Id(5)] BatchStatus Status,
    [property: Id(6)] Gln? PendingReceiver,
    [property: Id(7)] DateTimeOffset? ShippedAt,
    [property: Id(8)] string? ChainId,
    [property: Id(9)] IReadOnlyList<BatchRef> Parents,
    [property: Id(10)] IReadOnlyList<BatchRef> Children,
    [property: Id(11)] string? HoldReason,
    [property: Id(12)] int FailedCheckpoints,
    [property: Id(13)] DateTimeOffset CreatedAt,
    [property: Id(14)] DateTimeOffset UpdatedAt,
    [property: Id(15)] long Version,
    [property: Id(16)] string HeadHash)
{
    /// <summary>The state after one more stored event.</summary>
    public static BatchState Apply(BatchState? state, RecordedEvent recorded)
    {
        var next = recorded.Event switch
        {
            BatchCreated e => new BatchState(
                new BatchRef(e.Gtin, e.Lot), e.Quantity, e.Producer, e.Actor, e.Location, BatchStatus.Active,
                null, null, e.ChainId, e.Inputs.Select(i => i.Batch).ToList(), [], null, 0, e.EventTime, e.EventTime, 0, ""),
            _ when state is null => throw new InvalidOperationException($"event {recorded.Version} of a batch that was never created"),
            CheckpointRecorded e => e.Verdict == Verdict.Fail && e.Kind == CheckpointKind.FoodSafety && state.Status == BatchStatus.Active
                ? state with { Status = BatchStatus.OnHold, HoldReason = $"failed {e.Step} check ({e.EventId})", FailedCheckpoints = state.FailedCheckpoints + 1 }
                : state with { FailedCheckpoints = state.FailedCheckpoints + (e.Verdict == Verdict.Fail ? 1 : 0) },
            BatchShipped e => state with { Status = BatchStatus.InTransit, PendingReceiver = e.Receiver, ShippedAt = e.EventTime, Location = e.Location },
            BatchReceived e => state with
            {
                Status = BatchStatus.Active, PendingReceiver = null, ShippedAt = null, Custodian = e.Actor, Location = e.Location, Quantity = e.Received,
            },
            ShipmentRejected => state with { Status = BatchStatus.Active, PendingReceiver = null, ShippedAt = null },
            BatchSplit e => state with
            {
                Quantity = e.Remaining,
                Children = state.Children.Concat(e.Children.Select(c => c.Batch)).ToList(),
                Status = e.Remaining.Value == 0 ? BatchStatus.Consumed : state.Status,
            },
            BatchMerged e => state with { Quantity = Quantity.Zero(state.Quantity.Unit), Children = state.Children.Append(e.Into).ToList(), Status = BatchStatus.Consumed },
            MergeReverted e => state with
            {
                Quantity = e.Quantity, Children = state.Children.Where(c => c != e.Into).ToList(), Status = BatchStatus.Active,
            },
            BatchTransformed e => state with
            {
                Quantity = e.Remaining,
                Children = state.Children.Concat(e.Outputs.Select(o => o.Batch)).ToList(),
                Status = e.Remaining.Value == 0 ? BatchStatus.Consumed : state.Status,
            },
            TransformReverted e => state with
            {
                Quantity = state.Quantity.Add(e.Quantity),
                Children = state.Children.Where(c => e.Outputs.All(o => o.Batch != c)).ToList(),
                Status = state.Status == BatchStatus.Consumed ? BatchStatus.Active : state.Status,
            },
            // A consumed batch holds nothing: it records the recall and stays consumed; what was made from it is recalled.
            BatchRecalled when state.Status == BatchStatus.Consumed => state,
            BatchRecalled e => state with { Status = BatchStatus.Recalled, HoldReason = $"recalled ({e.RecallId}): {e.Reason}" },
            BatchHeld e => state with { Status = BatchStatus.OnHold, HoldReason = $"held by {e.Actor} ({e.EventId}): {e.Reason}" },
            // The rules lift only a batch on hold; a stored lift that found none leaves the batch as it was.
            HoldLifted => state.Status == BatchStatus.OnHold ? state with { Status = BatchStatus.Active, HoldReason = null } : state,
            // A declaration says the declared event was wrong; what the batch is now is as the later events left it.
            ErrorDeclared => state,
            _ => throw new InvalidOperationException($"unknown event {recorded.Event.GetType().Name}"),
        };
        var updated = recorded.Event is ErrorDeclared && state is not null && state.UpdatedAt > recorded.Event.EventTime ? state.UpdatedAt : recorded.Event.EventTime;
        return next with { Version = recorded.Version, HeadHash = recorded.Hash, UpdatedAt = updated };
    }
}
