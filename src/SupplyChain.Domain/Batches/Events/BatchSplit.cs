using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>Parts of the batch became child batches; the remainder stays.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchSplit")]
public sealed record BatchSplit(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] IReadOnlyList<BatchPart> Children,
    [property: Id(1)] Quantity Remaining)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "transforming";
}
