using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// A fact read from a partner's EPCIS event, in our terms, before any rule has judged it.
/// <see cref="EventId"/> is a valid client event id derived from the EPCIS eventID (or the event's content), so
/// importing the same document twice makes the same ids and records nothing twice.
/// </summary>
public abstract record ImportedEvent(
    int Index,
    string EventId,
    string? EpcisEventId,
    DateTimeOffset EventTime,
    string BizStep,
    Gln? ReadPoint,
    Gln? BizLocation)
{
    /// <summary>Where it happened: the read point, else the business location.</summary>
    public Gln? Location => ReadPoint ?? BizLocation;
}
