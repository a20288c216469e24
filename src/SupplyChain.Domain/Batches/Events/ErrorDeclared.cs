using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>
/// A party declared an earlier event of this batch in error (an EPCIS error declaration). The declared event stays in
/// the log as stored: the log is append-only, so the declaration is a later event that names it.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ErrorDeclared")]
public sealed record ErrorDeclared(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] string DeclaredEventId,
    [property: Id(1)] long DeclaredVersion,
    [property: Id(2)] string Reason,
    [property: Id(3)] IReadOnlyList<string> CorrectiveEventIds)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    // A declaration moves nothing: it is no CBV business step, it says something about another event.
    [JsonIgnore]
    public override string BizStep => "";
}
