using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>The custodian shipped the whole batch to a named receiver.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchShipped")]
public sealed record BatchShipped(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] Gln Receiver,
    [property: Id(1)] Quantity Quantity)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "shipping";
}
