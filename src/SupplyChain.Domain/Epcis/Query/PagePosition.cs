namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// Where the next page of a record-time ordered query starts: after (RecordTime, EventId) of the last event
/// returned, and no later than the Horizon the first page fixed, so a sequence of pages reads one settled snapshot.
/// </summary>
public sealed record PagePosition(DateTimeOffset RecordTime, string EventId, DateTimeOffset Horizon)
{
    /// <summary>Whether an event at (recordTime, eventId) comes after this position and within the horizon.</summary>
    public bool Precedes(DateTimeOffset recordTime, string eventId) =>
        recordTime < Horizon
        && (recordTime > RecordTime || (recordTime == RecordTime && string.CompareOrdinal(eventId, EventId) > 0));
}
