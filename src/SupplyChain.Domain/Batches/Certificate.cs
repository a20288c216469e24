using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches;

/// <summary>A lab certificate or inspection report backing a checkpoint.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Certificate")]
public sealed record Certificate([property: Id(0)] Gln? Issuer, [property: Id(1)] string Reference);
