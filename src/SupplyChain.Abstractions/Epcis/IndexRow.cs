namespace SupplyChain.Abstractions.Epcis;

/// <summary>One stored EPCIS event as an index or event row holds it: whole, with the record time the repository gave it.</summary>
[GenerateSerializer, Immutable, Alias("SupplyChain.IndexRow")]
public sealed record IndexRow(
    [property: Id(0)] string Key,
    [property: Id(1)] DateTimeOffset RecordTime,
    [property: Id(2)] string EventId,
    [property: Id(3)] string Json,
    [property: Id(4)] string Owner,
    [property: Id(5)] string? Declaration);
