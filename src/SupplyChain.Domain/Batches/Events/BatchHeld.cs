using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>An auditor put the batch on hold: it cannot be shipped, split or merged until an auditor lifts the hold.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchHeld")]
public sealed record BatchHeld(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] string Reason)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    // CBV 2.0 "holding": set aside pending review; the disposition (non_sellable_other) says it may not move on.
    [JsonIgnore]
    public override string BizStep => "holding";
}
