namespace SupplyChain.Domain.Epcis.Query;

/// <summary>The field a SimpleEventQuery orders by (orderBy).</summary>
public enum EventOrderField
{
    EventTime,
    RecordTime,
}

/// <summary>orderBy with orderDirection; the standard's default direction is descending.</summary>
public sealed record EventOrder(EventOrderField Field, bool Ascending);
