using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Domain.Batches;

/// <summary>The rules of an error declaration: which event, who may declare it, and that declaring it twice changes nothing.</summary>
public static partial class BatchRules
{
    /// <summary>
    /// Declares an event of the batch in error. <paramref name="declared"/> is the event stored under the declared id
    /// (null: the log holds none, refused); <paramref name="earlier"/> the declaration stored for it before, which is
    /// returned as it is (declaring twice is idempotent, whatever the second says) once the declarer may declare at all.
    /// </summary>
    public static ErrorDeclared DeclareError(BatchState? state, DeclareError c, RecordedEvent? declared, RecordedEvent? earlier, Participant declarer, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (declared is null)
        {
            throw DomainException.NotFound($"declared_event_id: batch {c.Batch} holds no event '{c.DeclaredEventId}': only an event of its log can be declared in error");
        }

        if (declared.Event is ErrorDeclared)
        {
            throw DomainException.Invalid("declared_event_id", $"'{c.DeclaredEventId}' is itself an error declaration: declare the event it names");
        }

        Rulebook.PermitDeclaring(declarer, declared.Event.Actor, $"event '{c.DeclaredEventId}' of batch {c.Batch}");
        if (earlier?.Event is ErrorDeclared first)
        {
            return first;
        }

        var reason = Text.Optional(c.Reason, "reason", Bounds.DeclarationReasonLength);
        Bounds.Count(c.CorrectiveEventIds.Count, Bounds.CorrectiveEvents, "corrective_event_ids", "ids");
        var corrective = c.CorrectiveEventIds.Select((id, i) => Text.Required(id, $"corrective_event_ids[{i}]", Bounds.CorrectiveEventIdLength)).ToList();

        var at = EventTime(c.DeclaredAt, now, "declaration_time");
        if (at < declared.Event.EventTime)
        {
            throw DomainException.Invalid("declaration_time", $"{at:O} is before the declared event's time {declared.Event.EventTime:O}: an event is declared in error after it happened");
        }

        return new ErrorDeclared(c.EventId, c.Actor, batch.Location, at, c.DeclaredEventId, declared.Version, reason, corrective);
    }
}
