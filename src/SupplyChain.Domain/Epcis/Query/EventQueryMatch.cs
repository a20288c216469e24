using System.Text.Json;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>Whether an EPCIS 2.0 JSON-LD event satisfies a SimpleEventQuery: every given parameter, each an OR of its values.</summary>
public static class EventQueryMatch
{
    /// <summary>True when the event passes every filter; paging and ordering are the caller's.</summary>
    public static bool Matches(this EventQuery query, JsonElement epcisEvent, JsonLdPrefixes? prefixes = null)
    {
        var known = prefixes ?? JsonLdPrefixes.Standard;
        if (epcisEvent.TryGetProperty("@context", out var own))
        {
            known = known.With(own);
        }

        return AnyOf(query.EventTypes, Text(epcisEvent, "type"))
            && Within(Time(epcisEvent, "eventTime"), query.GeEventTime, query.LtEventTime)
            && Within(Time(epcisEvent, "recordTime"), query.GeRecordTime, query.LtRecordTime)
            && AnyOf(query.Actions, Text(epcisEvent, "action"))
            && AnyOf(query.BizSteps, Text(epcisEvent, "bizStep") is { } step ? CanonicalValue.Vocabulary(step, "BizStep", known) : null)
            && AnyOf(query.Dispositions, Text(epcisEvent, "disposition") is { } disposition ? CanonicalValue.Vocabulary(disposition, "Disp", known) : null)
            && AnyOf(query.ReadPoints, PlaceId(epcisEvent, "readPoint", known))
            && AnyOf(query.BizLocations, PlaceId(epcisEvent, "bizLocation", known))
            && query.Patterns.All(m => Identifiers(epcisEvent, EventQueryParser.MatchFields[m.Key], known).Any(id => m.Value.Any(p => p.Matches(id))))
            && (query.EventIds.Count == 0 || query.EventIds.Contains(EventHashId.IdOf(epcisEvent, known), StringComparer.Ordinal));
    }

    private static bool AnyOf(IReadOnlyList<string> wanted, string? actual) =>
        wanted.Count == 0 || (actual is not null && wanted.Contains(actual, StringComparer.Ordinal));

    // A bound on a time the event lacks (recordTime before capture) excludes it, as the standard says of absent fields.
    private static bool Within(DateTimeOffset? time, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null && to is null) || (time is { } t && (from is null || t >= from) && (to is null || t < to));

    private static IEnumerable<string> Identifiers(JsonElement e, string[] fields, JsonLdPrefixes prefixes)
    {
        foreach (var field in fields)
        {
            if (!e.TryGetProperty(field, out var value))
            {
                continue;
            }

            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : new List<JsonElement> { value };
            foreach (var item in items)
            {
                var raw = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Object => Text(item, "epcClass"),
                    _ => null,
                };
                if (raw is not null)
                {
                    yield return CanonicalValue.Identifier(raw, prefixes);
                }
            }
        }
    }

    private static string? PlaceId(JsonElement e, string field, JsonLdPrefixes prefixes) =>
        e.TryGetProperty(field, out var place) && place.ValueKind == JsonValueKind.Object && Text(place, "id") is { } id
            ? CanonicalValue.Identifier(id, prefixes)
            : null;

    private static DateTimeOffset? Time(JsonElement e, string field) =>
        Text(e, field) is { } text ? CanonicalValue.Instant(text) : null;

    private static string? Text(JsonElement e, string field) =>
        e.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
}
