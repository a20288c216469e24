namespace SupplyChain.Domain.Epcis;

/// <summary>
/// An EPCIS event that declares an earlier one in error: the facts the earlier event made, read again from the copy the
/// declaration carries (same id, same content), and the declaration itself.
/// </summary>
public sealed record ImportedDeclaration(
    int Index,
    string EventId,
    string? EpcisEventId,
    DateTimeOffset EventTime,
    IReadOnlyList<ImportedEvent> Declared,
    DateTimeOffset DeclaredAt,
    string Reason,
    IReadOnlyList<string> CorrectiveEventIds)
    : ImportedEvent(Index, EventId, EpcisEventId, EventTime, "", null, null);
