using Orleans.Concurrency;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Abstractions.Batches;

/// <summary>The answer to a write: the stored event, whether it was stored before, and the batch after it.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchReply")]
public sealed record BatchReply(
    [property: Id(0)] RecordedEvent Event,
    [property: Id(1)] bool Replayed,
    [property: Id(2)] BatchState Batch,
    [property: Id(3)] IReadOnlyList<BatchState> Related);

/// <summary>A batch (lot), keyed by "{gtin14}/{lot}": its append-only, hash-chained event log and current state.</summary>
[Alias("SupplyChain.IBatchGrain")]
public interface IBatchGrain : IGrainWithStringKey
{
    /// <summary>Creates the batch of a product for its producer.</summary>
    [Alias("Create")]
    Task<BatchReply> CreateAsync(CreateBatch command);

    /// <summary>Records and judges a checkpoint.</summary>
    [Alias("RecordCheckpoint")]
    Task<BatchReply> RecordCheckpointAsync(RecordCheckpoint command);

    /// <summary>Ships the batch to a named receiver.</summary>
    [Alias("Ship")]
    Task<BatchReply> ShipAsync(ShipBatch command);

    /// <summary>Accepts or rejects the shipment.</summary>
    [Alias("Receive")]
    Task<BatchReply> ReceiveAsync(ReceiveBatch command);

    /// <summary>Splits parts of the batch into new child batches.</summary>
    [Alias("Split")]
    Task<BatchReply> SplitAsync(SplitBatch command);

    /// <summary>Called on the new batch: merges the inputs into it.</summary>
    [Alias("Merge")]
    Task<BatchReply> MergeAsync(MergeBatches command);

    /// <summary>
    /// Called on a transformation's first output: every input gives its part, then the outputs are made. A retry with the
    /// same event id finishes what a crash left undone.
    /// </summary>
    [Alias("Transform")]
    Task<BatchReply> TransformAsync(TransformBatches command);

    /// <summary>Recalls the batch (the root of a recall or a batch downstream of it); the caller walks the genealogy.</summary>
    [Alias("Recall")]
    Task<BatchReply> RecallAsync(RecallBatch command);

    /// <summary>An auditor places or lifts a hold on the batch.</summary>
    [Alias("ChangeHold")]
    Task<BatchReply> ChangeHoldAsync(ChangeHold command);

    /// <summary>
    /// Declares an event of the batch's log in error, by the party that recorded it or an auditor; declaring it again
    /// returns the first declaration as a replay and appends nothing.
    /// </summary>
    [Alias("DeclareError")]
    Task<BatchReply> DeclareErrorAsync(DeclareError command);

    /// <summary>The stored events with these event ids (those the batch holds).</summary>
    [Alias("FindEvents")]
    Task<IReadOnlyList<RecordedEvent>> FindEventsAsync(IReadOnlyList<string> eventIds);

    /// <summary>The current state, or null when the batch does not exist.</summary>
    [Alias("Get")]
    Task<BatchState?> GetAsync();

    /// <summary>Which of these event ids the batch has stored, answered from its memory once its ids are loaded.</summary>
    [Alias("HeldEventIds")]
    Task<IReadOnlySet<string>> HeldEventIdsAsync(IReadOnlyList<string> eventIds);

    /// <summary>Stored events from a version on, in order.</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<StoredEvent>> GetHistoryAsync(long fromVersion, int max);

    /// <summary>The state and the trail of custody and checkpoints a trace needs, from memory once built; null when the batch does not exist.</summary>
    [Alias("GetTraceNode")]
    Task<TraceNode?> GetTraceNodeAsync();

    /// <summary>
    /// Which content the batch's EPCIS events have: its version, the captured events attached to it since this activation
    /// began, and the activation; equal stamps mean equal events. Null when the batch does not exist.
    /// </summary>
    [Alias("GetEventStamp"), AlwaysInterleave]
    Task<string?> GetEventStampAsync();

    /// <summary>The repository has written captured events that name the batch (or changed one): its stamp moves on.</summary>
    [Alias("Captured"), AlwaysInterleave]
    Task CapturedAsync();

    /// <summary>Writes the events only the journal holds out to the batch's log, so that reading the log directly sees them all.</summary>
    [Alias("WriteOutNow")]
    Task WriteOutNowAsync();
}
