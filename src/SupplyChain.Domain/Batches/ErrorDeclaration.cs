using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches;

/// <summary>
/// What readers of a batch see on an event declared in error: which event (its version and id), when and by whom it
/// was declared, why, the events that correct it, and the version of the declaration in the log.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ErrorDeclaration")]
public sealed record ErrorDeclaration(
    [property: Id(0)] long DeclaredVersion,
    [property: Id(1)] string DeclaredEventId,
    [property: Id(2)] DateTimeOffset DeclaredAt,
    [property: Id(3)] string Reason,
    [property: Id(4)] IReadOnlyList<string> CorrectiveEventIds,
    [property: Id(5)] Gln DeclaredBy,
    [property: Id(6)] long Version)
{
    public static ErrorDeclaration Of(RecordedEvent recorded) => recorded.Event is ErrorDeclared d
        ? new(d.DeclaredVersion, d.DeclaredEventId, d.EventTime, d.Reason, d.CorrectiveEventIds, d.Actor, recorded.Version)
        : throw new ArgumentException($"event {recorded.Version} is no error declaration", nameof(recorded));

    /// <summary>The declarations of a log, by the version of the event each declares.</summary>
    public static IReadOnlyDictionary<long, ErrorDeclaration> Of(IEnumerable<RecordedEvent> events) =>
        events.Where(e => e.Event is ErrorDeclared).Select(Of).GroupBy(d => d.DeclaredVersion).ToDictionary(g => g.Key, g => g.First());
}
