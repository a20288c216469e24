using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches;

/// <summary>A batch a transformation uses, and how much of it; all of it when <see cref="Quantity"/> is null.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.TransformInput")]
public sealed record TransformInput([property: Id(0)] BatchRef Batch, [property: Id(1)] Quantity? Quantity);
