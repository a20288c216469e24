using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Traces;

/// <summary>
/// One event that made, moved or consumed a batch, kept small for traces: who, when, where, who holds it after,
/// how much, and the batches on the other side of a split, merge or transformation. Receipts also keep their readings' verdict.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.CustodyStep")]
public sealed record CustodyStep(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] CustodyStepKind Kind,
    [property: Id(3)] Gln Actor,
    [property: Id(4)] Gln Custodian,
    [property: Id(5)] Gln? Counterparty,
    [property: Id(6)] Gln Location,
    [property: Id(7)] Quantity? Quantity,
    [property: Id(8)] Quantity? Loss,
    [property: Id(9)] IReadOnlyList<BatchPart> Related,
    [property: Id(10)] string Note,
    [property: Id(11)] Verdict? Verdict,
    [property: Id(12)] IReadOnlyList<MeasurementResult> Results,
    [property: Id(13)] IReadOnlyList<string> MissingReadings);
