using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches;

/// <summary>A reading judged against one limit (or against none, when none applies).</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.MeasurementResult")]
public sealed record MeasurementResult(
    [property: Id(0)] Measurement Measurement,
    [property: Id(1)] Limit? Limit,
    [property: Id(2)] string Source,
    [property: Id(3)] bool Within);
