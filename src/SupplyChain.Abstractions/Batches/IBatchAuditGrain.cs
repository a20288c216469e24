using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Integrity;

namespace SupplyChain.Abstractions.Batches;

/// <summary>The outcome of verifying a batch's stored hash chain (a <see cref="LogVerification"/> as a message).</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchAudit")]
public sealed record BatchAudit(
    [property: Id(0)] long EventsChecked,
    [property: Id(1)] long HeadVersion,
    [property: Id(2)] string HeadHash,
    [property: Id(3)] long? FirstBadVersion,
    [property: Id(4)] ChainBreak? Break,
    [property: Id(5)] string Reason)
{
    public LogVerification Verification => new(EventsChecked, HeadVersion, HeadHash, FirstBadVersion, Break, Reason);
}

/// <summary>
/// Reads a batch's log as stored, keyed like its batch: it first has the batch write out what only its journal holds, so
/// the rows read are every acknowledged event. A stateless worker: audits and exports of one batch run side by side.
/// </summary>
[Alias("SupplyChain.IBatchAuditGrain")]
public interface IBatchAuditGrain : IGrainWithStringKey
{
    /// <summary>Recomputes the stored hash chain; null when nothing is stored for the batch.</summary>
    [Alias("Verify")]
    Task<BatchAudit?> VerifyAsync();

    /// <summary>The stored events from version 1 up to <paramref name="upTo"/>, in order.</summary>
    [Alias("ReadEvents")]
    Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(long upTo);

    /// <summary>The event ids the batch's log holds.</summary>
    [Alias("ReadEventIds")]
    Task<IReadOnlySet<string>> ReadEventIdsAsync();
}
