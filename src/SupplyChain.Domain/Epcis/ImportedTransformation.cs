using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>Input lots became output lots: a TransformationEvent, classified as a split, a merge or another transformation.</summary>
public sealed record ImportedTransformation(
    int Index, string EventId, string? EpcisEventId, DateTimeOffset EventTime, string BizStep, Gln? ReadPoint, Gln? BizLocation,
    TransformationKind Kind,
    IReadOnlyList<ImportedLot> Inputs,
    IReadOnlyList<ImportedLot> Outputs)
    : ImportedEvent(Index, EventId, EpcisEventId, EventTime, BizStep, ReadPoint, BizLocation);
