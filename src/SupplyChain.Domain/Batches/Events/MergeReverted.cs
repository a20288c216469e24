using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>A merge this batch went into was undone because another input could not join it.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.MergeReverted")]
public sealed record MergeReverted(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] BatchRef Into,
    [property: Id(1)] Quantity Quantity,
    [property: Id(2)] string Reason)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "transforming";
}
