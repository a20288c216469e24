using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Traces;

/// <summary>A checkpoint as a trace shows it: where it sits in the log, what was checked, by whom, and the verdict.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.TracedCheckpoint")]
public sealed record TracedCheckpoint(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] CheckpointKind Kind,
    [property: Id(3)] string Step,
    [property: Id(4)] Gln Actor,
    [property: Id(5)] Gln Location,
    [property: Id(6)] Verdict Verdict,
    [property: Id(7)] IReadOnlyList<MeasurementResult> Results,
    [property: Id(8)] Certificate? Certificate);
