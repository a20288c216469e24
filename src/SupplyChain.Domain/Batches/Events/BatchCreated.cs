using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>The batch was made: produced, split off a parent, merged from inputs, or transformed from inputs.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchCreated")]
public sealed record BatchCreated(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] Gtin Gtin,
    [property: Id(1)] string Lot,
    [property: Id(2)] Quantity Quantity,
    [property: Id(3)] Gln Producer,
    [property: Id(4)] string? ChainId,
    [property: Id(5)] Origin Origin,
    [property: Id(6)] IReadOnlyList<BatchPart> Inputs)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => Origin == Origin.Produced ? "commissioning" : "transforming";
}
