using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>An auditor recalled the batch, directly or as part of the downstream scope of a recalled batch.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchRecalled")]
public sealed record BatchRecalled(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] string RecallId,
    [property: Id(1)] BatchRef Root,
    [property: Id(2)] string Reason)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    // CBV has no "recalling": holding (set aside for review) with the disposition "recalled" says it.
    [JsonIgnore]
    public override string BizStep => "holding";
}
