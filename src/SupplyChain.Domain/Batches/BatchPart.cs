using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches;

/// <summary>A batch and an amount of it that moved into or out of another batch.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchPart")]
public sealed record BatchPart([property: Id(0)] BatchRef Batch, [property: Id(1)] Quantity Quantity);
