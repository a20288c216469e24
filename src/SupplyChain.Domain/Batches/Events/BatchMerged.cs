using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>The whole batch went into a new merged batch.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchMerged")]
public sealed record BatchMerged(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] BatchRef Into,
    [property: Id(1)] Quantity Quantity)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "transforming";
}
