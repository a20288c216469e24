using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// Lots were observed: one sensor element's readings (taken at <see cref="ImportedEvent.EventTime"/>), an inspection
/// with its certificate, or another business step. Limits and verdict are ours to apply, never taken from the document.
/// </summary>
public sealed record ImportedCheckpoint(
    int Index, string EventId, string? EpcisEventId, DateTimeOffset EventTime, string BizStep, Gln? ReadPoint, Gln? BizLocation,
    IReadOnlyList<ImportedLot> Lots,
    CheckpointKind Kind,
    string Step,
    IReadOnlyList<Measurement> Measurements,
    Certificate? Certificate)
    : ImportedEvent(Index, EventId, EpcisEventId, EventTime, BizStep, ReadPoint, BizLocation);
