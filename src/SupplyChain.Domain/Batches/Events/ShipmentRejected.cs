using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>The receiver refused the shipment; custody stays with the shipper.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ShipmentRejected")]
public sealed record ShipmentRejected(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] Gln Shipper,
    [property: Id(1)] string Reason)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "receiving";
}
