namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// One EPCIS event as the repository stores it: its id (eventID, else the CBV 2.0 hash id), key, JSON as captured
/// (recordTime left to the repository), content fingerprint (the hash id, which leaves out eventID, recordTime and
/// errorDeclaration), the error declaration it carries, the index partitions it belongs to, and the participant that
/// captured it ("" for events the batches recorded). An <see cref="Inline"/> event has no index rows but its record
/// day's: its other partitions are columns of that row, which term queries read with a filter.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplyChain.RepositoryEvent")]
public sealed record RepositoryEvent(
    [property: Id(0)] int Index,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Key,
    [property: Id(3)] string Json,
    [property: Id(4)] string Fingerprint,
    [property: Id(5)] DateTimeOffset EventTime,
    [property: Id(6)] string? Declaration,
    [property: Id(7)] IReadOnlyList<string> Partitions,
    [property: Id(8)] string Owner,
    [property: Id(9)] bool Inline);
