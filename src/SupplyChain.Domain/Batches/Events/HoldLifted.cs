using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>An auditor lifted the batch's hold (an auditor's or the one a failed food-safety check caused): it is active again.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.HoldLifted")]
public sealed record HoldLifted(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] string Reason)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    // The end of the holding step; the disposition (active) says the batch is back in circulation.
    [JsonIgnore]
    public override string BizStep => "holding";
}
