namespace SupplyChain.Domain.Epcis.Query;

/// <summary>The field a SimpleEventQuery orders by (orderBy).</summary>
public enum EventOrderField
{
    EventTime,
    RecordTime,
}
