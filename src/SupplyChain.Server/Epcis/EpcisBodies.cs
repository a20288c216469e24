using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Server.Epcis;

/// <summary>Reads capture bodies: JSON-LD only, within the advertised size and event limits.</summary>
public static class EpcisBodies
{
    public static async Task<string> ReadAsync(HttpContext http, EpcisOptions options)
    {
        var contentType = http.Request.ContentType ?? "";
        var media = contentType.Split(';')[0].Trim();
        if (!media.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) && !media.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw EpcisProblem.Unsupported(contentType);
        }

        var limit = options.CaptureFileSizeLimit;
        if (http.Request.ContentLength > limit)
        {
            throw EpcisProblem.TooLarge($"the body has {http.Request.ContentLength} bytes; GS1-EPCIS-Capture-File-Size-Limit is {limit}");
        }

        // A body without a length is read up to one byte past the limit, never whole.
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw EpcisProblem.TooLarge($"the body has more than {limit} bytes; GS1-EPCIS-Capture-File-Size-Limit is {limit}");
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Refuses a document with more events than GS1-EPCIS-Capture-Limit (413), or one the EPCIS 2.0 schema refuses (400)
    /// before the importer reads it; under proceed, events the schema refuses are returned by index, to be left out.
    /// </summary>
    public static IReadOnlyDictionary<int, string> Check(string document, EpcisOptions options, bool proceed)
    {
        using var parsed = Parse(document);
        if (parsed.RootElement.ValueKind == JsonValueKind.Object
            && parsed.RootElement.TryGetProperty("epcisBody", out var body) && body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("eventList", out var events) && events.ValueKind == JsonValueKind.Array
            && events.GetArrayLength() > options.CaptureLimit)
        {
            throw EpcisProblem.TooLarge($"epcisBody.eventList has {events.GetArrayLength()} events; GS1-EPCIS-Capture-Limit is {options.CaptureLimit}");
        }

        var refusals = EpcisSchema.Document.Check(parsed.RootElement);
        if (refusals.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        if (!proceed || refusals[0].EventIndex is null)
        {
            throw refusals[0].Problem();
        }

        return refusals.GroupBy(r => r.EventIndex!.Value).ToDictionary(g => g.Key, g => g.First().ToString());
    }

    /// <summary>One event, once the EPCIS 2.0 schema accepts it, as the document the importer takes, and the id it is found by (its eventID, else its CBV 2.0 hash id).</summary>
    public static (string Document, string EventId) Wrap(string text, DateTimeOffset now)
    {
        using var parsed = Parse(text);
        if (parsed.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw DomainException.Invalid("$", "the body is not one EPCIS event (a JSON object)");
        }

        EpcisSchema.Event.Refuse(parsed.RootElement);

        var eventId = EventHashId.IdOf(parsed.RootElement);
        var epcisEvent = JsonNode.Parse(text)!.AsObject();
        var context = epcisEvent["@context"]?.DeepClone() ?? new JsonArray(EpcisVocabulary.ContextUrl);
        epcisEvent.Remove("@context");
        var document = new JsonObject
        {
            ["@context"] = context,
            ["type"] = "EPCISDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = EpcisExport.Time(now, TimeSpan.Zero),
            ["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(epcisEvent) },
        };
        return (document.ToJsonString(), eventId);
    }

    internal static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException malformed)
        {
            throw DomainException.Invalid(MalformedJson.Locate(text), $"the body is not JSON: {malformed.Message}");
        }
    }
}
