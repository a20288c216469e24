using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches;

// Commands carry validated values. A time left null is taken as the time the server stores the event.

/// <summary>Make a new batch of a product.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.CreateBatch")]
public sealed record CreateBatch(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Quantity Quantity,
    [property: Id(3)] Gln Producer,
    [property: Id(4)] Gln Location,
    [property: Id(5)] DateTimeOffset? ProducedAt,
    [property: Id(6)] string? ChainId);

/// <summary>Record a production step, an environmental reading or a food-safety inspection.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.RecordCheckpoint")]
public sealed record RecordCheckpoint(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Gln Actor,
    [property: Id(3)] CheckpointKind Kind,
    [property: Id(4)] string Step,
    [property: Id(5)] Gln Location,
    [property: Id(6)] DateTimeOffset? ObservedAt,
    [property: Id(7)] IReadOnlyList<Measurement> Measurements,
    [property: Id(8)] Certificate? Certificate);

/// <summary>Hand a whole batch to a named receiver.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ShipBatch")]
public sealed record ShipBatch(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Gln Actor,
    [property: Id(3)] Gln Receiver,
    [property: Id(4)] Quantity? Quantity,
    [property: Id(5)] Gln Location,
    [property: Id(6)] DateTimeOffset? ShippedAt);

/// <summary>Accept (with the amount that arrived) or reject a shipment.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ReceiveBatch")]
public sealed record ReceiveBatch(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Gln Actor,
    [property: Id(3)] bool Accept,
    [property: Id(4)] Quantity? Received,
    [property: Id(5)] string Condition,
    [property: Id(6)] Gln Location,
    [property: Id(7)] DateTimeOffset? ReceivedAt,
    [property: Id(8)] IReadOnlyList<Measurement> Measurements,
    [property: Id(9)] string Reason);

/// <summary>Carve new child batches out of a batch; what is left stays in the parent.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.SplitBatch")]
public sealed record SplitBatch(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Gln Actor,
    [property: Id(3)] IReadOnlyList<BatchPart> Parts,
    [property: Id(4)] Gln Location,
    [property: Id(5)] DateTimeOffset? SplitAt);

/// <summary>Merge whole batches into one new batch.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.MergeBatches")]
public sealed record MergeBatches(
    [property: Id(0)] string EventId,
    [property: Id(1)] IReadOnlyList<BatchRef> Inputs,
    [property: Id(2)] BatchRef Output,
    [property: Id(3)] Gln Actor,
    [property: Id(4)] Gln Location,
    [property: Id(5)] DateTimeOffset? MergedAt);

/// <summary>
/// Make new batches, of any registered products, out of existing ones: each input gives the amount named (all of it
/// when none is), and each output is a new lot with its quantity, produced by the actor.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.TransformBatches")]
public sealed record TransformBatches(
    [property: Id(0)] string EventId,
    [property: Id(1)] IReadOnlyList<TransformInput> Inputs,
    [property: Id(2)] IReadOnlyList<BatchPart> Outputs,
    [property: Id(3)] Gln Actor,
    [property: Id(4)] Gln Location,
    [property: Id(5)] DateTimeOffset? TransformedAt);

/// <summary>
/// Recall a batch: the root of a recall, or a batch downstream of it (<see cref="Root"/> names the root, and
/// <see cref="RecallId"/> is the root's event id in both).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.RecallBatch")]
public sealed record RecallBatch(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Gln Auditor,
    [property: Id(3)] string RecallId,
    [property: Id(4)] BatchRef Root,
    [property: Id(5)] string Reason);

/// <summary>Whether an auditor places a hold on a batch or lifts it.</summary>
public enum HoldAction
{
    Place = 1,
    Lift = 2,
}

/// <summary>
/// Place or lift a hold on a batch. One command for both, so that the action is part of its fingerprint: a lift sent
/// with the event id of a placed hold is other content (ALREADY_EXISTS), not a replay of the hold.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ChangeHold")]
public sealed record ChangeHold(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] Gln Auditor,
    [property: Id(3)] HoldAction Action,
    [property: Id(4)] string Reason);

/// <summary>
/// Declare an event of the batch's log in error (an EPCIS error declaration): <see cref="DeclaredEventId"/> is its event
/// id in the log; <see cref="DeclaredAt"/> is when it was declared (now when null); corrective ids name the events that
/// put it right, as the declaring party knows them.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.DeclareError")]
public sealed record DeclareError(
    [property: Id(0)] BatchRef Batch,
    [property: Id(1)] Gln Actor,
    [property: Id(2)] string DeclaredEventId,
    [property: Id(3)] DateTimeOffset? DeclaredAt,
    [property: Id(4)] string Reason,
    [property: Id(5)] IReadOnlyList<string> CorrectiveEventIds)
{
    /// <summary>The id of the declaration in the log: one per declared event, so declaring it again finds the first.</summary>
    public string EventId => Identifiers.EventId.Derived(DeclaredEventId, "declared", 0);
}

/// <summary>One input of a merge goes into the new batch (sent by the new batch to each input).</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.JoinMerge")]
public sealed record JoinMerge(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] BatchRef Into,
    [property: Id(3)] Gln Actor,
    [property: Id(4)] Gln Location,
    [property: Id(5)] DateTimeOffset? MergedAt,
    [property: Id(6)] string Unit);

/// <summary>Undo an input's part in a merge that another input refused.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.RevertMerge")]
public sealed record RevertMerge(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] BatchRef Into,
    [property: Id(3)] Quantity Quantity,
    [property: Id(4)] Gln Actor,
    [property: Id(5)] Gln Location,
    [property: Id(6)] string Reason);

/// <summary>One input of a transformation gives its part (sent by the transformation's first output to each input).</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.UseInTransformation")]
public sealed record UseInTransformation(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] string TransformationId,
    [property: Id(3)] Quantity? Quantity,
    [property: Id(4)] IReadOnlyList<BatchPart> Outputs,
    [property: Id(5)] Gln Actor,
    [property: Id(6)] Gln Location,
    [property: Id(7)] DateTimeOffset? TransformedAt);

/// <summary>Give an input back the part it gave to a transformation that another input refused.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.RevertTransformation")]
public sealed record RevertTransformation(
    [property: Id(0)] string EventId,
    [property: Id(1)] BatchRef Batch,
    [property: Id(2)] string TransformationId,
    [property: Id(3)] IReadOnlyList<BatchPart> Outputs,
    [property: Id(4)] Quantity Quantity,
    [property: Id(5)] Gln Actor,
    [property: Id(6)] Gln Location,
    [property: Id(7)] string Reason);
