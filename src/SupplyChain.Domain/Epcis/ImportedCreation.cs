using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>New lots came into being: an ObjectEvent with action ADD (usually bizStep commissioning).</summary>
public sealed record ImportedCreation(
    int Index, string EventId, string? EpcisEventId, DateTimeOffset EventTime, string BizStep, Gln? ReadPoint, Gln? BizLocation,
    IReadOnlyList<ImportedLot> Lots)
    : ImportedEvent(Index, EventId, EpcisEventId, EventTime, BizStep, ReadPoint, BizLocation);
