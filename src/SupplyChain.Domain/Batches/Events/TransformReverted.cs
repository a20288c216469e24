using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>A transformation this batch gave a part to was undone because another input could not be used: the part is back.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.TransformReverted")]
public sealed record TransformReverted(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] string TransformationId,
    [property: Id(1)] IReadOnlyList<BatchPart> Outputs,
    [property: Id(2)] Quantity Quantity,
    [property: Id(3)] string Reason)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "transforming";
}
