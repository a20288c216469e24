using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>
/// Some or all of the batch went into a transformation that made the new batches <see cref="Outputs"/>; what was not
/// used remains. <see cref="TransformationId"/> is the event id the transformation was requested with.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchTransformed")]
public sealed record BatchTransformed(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] string TransformationId,
    [property: Id(1)] Quantity Used,
    [property: Id(2)] Quantity Remaining,
    [property: Id(3)] IReadOnlyList<BatchPart> Outputs)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "transforming";
}
