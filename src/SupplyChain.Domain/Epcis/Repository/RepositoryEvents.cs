using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>Reads every event of an EPCIS document (any type) into what the repository stores and indexes.</summary>
public static class RepositoryEvents
{
    /// <summary>The fields that name objects (instances or classes), as MATCH_ parameters read them.</summary>
    private static readonly string[] ObjectFields =
    [
        "epcList", "childEPCs", "parentID", "inputEPCList", "outputEPCList",
        "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList",
    ];

    /// <summary>The events of a document already read by <see cref="EpcisImport.Parse"/>, in document order.</summary>
    public static IReadOnlyList<RepositoryEvent> Read(string document, string owner)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        var context = root["@context"];
        using var contextText = JsonDocument.Parse(context?.ToJsonString() ?? "[]");
        var prefixes = JsonLdPrefixes.Standard.With(contextText.RootElement);
        // Events keep the document's own prefixes, so that each reads whole on its own.
        var ownTerms = context is JsonArray entries && entries.Any(e => e is JsonObject);
        var list = root["epcisBody"]?["eventList"] as JsonArray ?? [];
        var events = new List<RepositoryEvent>();
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i]!.AsObject().DeepClone().AsObject();
            e.Remove("recordTime");
            if (ownTerms && e["@context"] is null)
            {
                var withContext = new JsonObject { ["@context"] = context!.DeepClone() };
                foreach (var (name, value) in e.ToList())
                {
                    e.Remove(name);
                    withContext[name] = value;
                }

                e = withContext;
            }

            events.Add(Of(i, e, prefixes, owner));
        }

        return events;
    }

    /// <summary>One event (a JSON object) with the prefixes of its document.</summary>
    public static RepositoryEvent Of(int index, JsonObject epcisEvent, JsonLdPrefixes prefixes, string owner)
    {
        using var parsed = JsonDocument.Parse(epcisEvent.ToJsonString());
        var e = parsed.RootElement;
        var known = e.TryGetProperty("@context", out var own) ? prefixes.With(own) : prefixes;
        var at = $"eventList[{index}]";
        var eventTime = Text(e, "eventTime") is { } time && CanonicalValue.Instant(time) is { } instant
            ? instant
            : throw DomainException.Invalid(at + ".eventTime", "is required: a timestamp with a time zone");
        var id = EventHashId.IdOf(e, known);
        var declaration = e.TryGetProperty("errorDeclaration", out var declared) && declared.ValueKind == JsonValueKind.Object ? declared.GetRawText() : null;
        return new RepositoryEvent(
            index, id, EventKey.Of(id), epcisEvent.ToJsonString(), EventHashId.Of(e, known), eventTime, declaration, Partitions(e, known, eventTime), owner, Inline: false);
    }

    /// <summary>Every index partition an event belongs to, but its record day (known only once it is stored).</summary>
    public static IReadOnlyList<string> Partitions(JsonElement e, JsonLdPrefixes prefixes, DateTimeOffset eventTime)
    {
        var partitions = new List<string> { IndexPartition.EventDay(eventTime) };
        if (Text(e, "type") is { } type)
        {
            partitions.Add(IndexPartition.EventType(type));
        }

        if (Text(e, "bizStep") is { } step)
        {
            partitions.Add(IndexPartition.BizStep(CanonicalValue.Vocabulary(step, "BizStep", prefixes)));
        }

        if (Text(e, "disposition") is { } disposition)
        {
            partitions.Add(IndexPartition.Disposition(CanonicalValue.Vocabulary(disposition, "Disp", prefixes)));
        }

        if (PlaceId(e, "readPoint") is { } readPoint)
        {
            partitions.Add(IndexPartition.ReadPoint(CanonicalValue.Identifier(readPoint, prefixes)));
        }

        if (PlaceId(e, "bizLocation") is { } bizLocation)
        {
            partitions.Add(IndexPartition.BizLocation(CanonicalValue.Identifier(bizLocation, prefixes)));
        }

        foreach (var canonical in Identifiers(e, prefixes))
        {
            partitions.Add(IndexPartition.Object(canonical));
            if (IndexPartition.GtinOf(canonical) is { } gtin)
            {
                partitions.Add(IndexPartition.Gtin(gtin));
            }
        }

        return partitions.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The lots (canonical Digital Links) an event names in any role.</summary>
    public static IReadOnlyList<string> Lots(JsonElement e, JsonLdPrefixes prefixes) =>
        Identifiers(e, prefixes).Where(IndexPlan.IsLot).Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Identifiers(JsonElement e, JsonLdPrefixes prefixes)
    {
        foreach (var field in ObjectFields)
        {
            if (!e.TryGetProperty(field, out var value))
            {
                continue;
            }

            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            foreach (var item in items)
            {
                var raw = item.ValueKind switch
                {
                    JsonValueKind.String => item.GetString(),
                    JsonValueKind.Object => Text(item, "epcClass"),
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(raw))
                {
                    yield return CanonicalValue.Identifier(raw, prefixes);
                }
            }
        }
    }

    private static string? PlaceId(JsonElement e, string field) =>
        e.TryGetProperty(field, out var place) && place.ValueKind == JsonValueKind.Object ? Text(place, "id") : null;

    private static string? Text(JsonElement e, string field) =>
        e.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
}
