using SupplyChain.Domain.Batches.Events;

namespace SupplyChain.Domain.Batches;

/// <summary>An event as stored in a batch log: its place, when it was stored, and its link in the hash chain.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.RecordedEvent")]
public sealed record RecordedEvent(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] string PreviousHash,
    [property: Id(3)] string Hash,
    [property: Id(4)] BatchEvent Event);
