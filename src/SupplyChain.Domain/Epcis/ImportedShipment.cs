using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>Lots left one party for another: an ObjectEvent OBSERVE with bizStep shipping; the parties come from its source and destination lists.</summary>
public sealed record ImportedShipment(
    int Index, string EventId, string? EpcisEventId, DateTimeOffset EventTime, string BizStep, Gln? ReadPoint, Gln? BizLocation,
    IReadOnlyList<ImportedLot> Lots,
    Gln? From,
    Gln? To)
    : ImportedEvent(Index, EventId, EpcisEventId, EventTime, BizStep, ReadPoint, BizLocation);
