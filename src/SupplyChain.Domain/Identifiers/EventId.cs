namespace SupplyChain.Domain.Identifiers;

/// <summary>A client-chosen idempotency key: 1 to 128 of letters, digits and . _ : -</summary>
public static class EventId
{
    public static string Parse(string? text, string field = "event_id")
    {
        var id = text ?? "";
        if (id.Length == 0)
        {
            throw DomainException.Invalid(field, "is required (a client-chosen id that makes retries safe)");
        }

        if (id.Length > Bounds.EventIdLength)
        {
            throw DomainException.Invalid(field, $"has {id.Length} characters, at most {Bounds.EventIdLength} are allowed");
        }

        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-'))
        {
            throw DomainException.Invalid(field, "may hold only letters, digits and . _ : -");
        }

        return id;
    }

    /// <summary>The id of a step that one client event causes in another batch.</summary>
    public static string Derived(string eventId, string step, int index) => $"{eventId}~{step}{index}";

    /// <summary>The client event id an id was derived from (client ids hold no '~'); the id itself when it is not derived.</summary>
    public static string Root(string eventId) => eventId.IndexOf('~', StringComparison.Ordinal) is var at and >= 0 ? eventId[..at] : eventId;
}
