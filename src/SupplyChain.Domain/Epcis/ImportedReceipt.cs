using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// Lots arrived: an ObjectEvent OBSERVE with bizStep receiving. A disposition of "returned" is a refused shipment
/// (<see cref="Accepted"/> false); <see cref="Note"/> is the goods' condition, or why they were refused.
/// </summary>
public sealed record ImportedReceipt(
    int Index, string EventId, string? EpcisEventId, DateTimeOffset EventTime, string BizStep, Gln? ReadPoint, Gln? BizLocation,
    IReadOnlyList<ImportedLot> Lots,
    Gln? From,
    Gln? To,
    bool Accepted,
    string Note)
    : ImportedEvent(Index, EventId, EpcisEventId, EventTime, BizStep, ReadPoint, BizLocation);
