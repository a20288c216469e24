namespace SupplyChain.Domain.Batches;

/// <summary>An event stored for a batch, with the exact text its hash covers.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.StoredEvent")]
public sealed record StoredEvent([property: Id(0)] RecordedEvent Recorded, [property: Id(1)] string CanonicalJson, [property: Id(2)] string Fingerprint);
