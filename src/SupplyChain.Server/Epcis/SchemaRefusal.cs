using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupplyChain.Server.Epcis;

/// <summary>One place where a capture body breaks the EPCIS 2.0 schema: its JSON Pointer and what is wrong there.</summary>
public sealed record SchemaRefusal(string Pointer, string What)
{
    // What each named definition asks for, in the words of the standard, for refusals inside it.
    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["dateTime"] = "is not a date and time with its offset (as 2026-01-05T10:00:00.000+07:00)",
        ["timeZoneOffset"] = "is not a time zone offset from -14:00 to +14:00 (as +07:00)",
        ["unit"] = "is not a UN/ECE Recommendation 20 unit code (2 or 3 capitals or digits, as KGM)",
        ["schemaVersion"] = "is not an EPCIS 2.0 schema version (2.0)",
        ["uri"] = "is not a URI (as urn:epc:id:sgtin:0614141.107346.2017 or https://id.gs1.org/01/...)",
        ["eventType"] = "is not an EPCIS 2.0 event type (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent) nor an extension's URI",
        ["absent"] = "has no place in this type of event",
        ["objectEventWhat"] = "an ObjectEvent names what it saw: epcList, quantityList, or sensorElementList with a readPoint",
        ["transactionEventWhat"] = "a TransactionEvent names what it concerns: epcList or quantityList",
        ["childrenWhat"] = "names its children: childEPCs or childQuantityList",
        ["transformationWhat"] = "a TransformationEvent names inputs and outputs, or a transformationID with either",
    };

    /// <summary>The index in epcisBody.eventList of the event this refusal is in, when it is in one.</summary>
    public int? EventIndex
    {
        get
        {
            const string Events = "/epcisBody/eventList/";
            if (!Pointer.StartsWith(Events, StringComparison.Ordinal))
            {
                return null;
            }

            var rest = Pointer[Events.Length..];
            var end = rest.IndexOf('/', StringComparison.Ordinal);
            return int.TryParse(end < 0 ? rest : rest[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : null;
        }
    }

    public override string ToString() => $"{(Pointer.Length == 0 ? "/" : Pointer)}: {What}";

    public EpcisProblem Problem() => new(StatusCodes.Status400BadRequest, "ValidationException", ToString());

    /// <summary>A refusal of a schema keyword at an instance location, with a message naming the value and what was expected.</summary>
    internal static SchemaRefusal Of(JsonElement body, string pointer, Uri schemaLocation, string keyword, string libraryMessage, Func<Uri, JsonNode?> keywordValue)
    {
        var instance = At(body, pointer);
        var expected = keywordValue(new Uri(schemaLocation.GetLeftPart(UriPartial.Path) + "#" + schemaLocation.Fragment.TrimStart('#').TrimEnd('/') + "/" + keyword));
        if (keyword == "required" && expected is JsonArray names && instance is { ValueKind: JsonValueKind.Object } holder
            && names.Select(n => n?.GetValue<string>()).FirstOrDefault(n => n is not null && !holder.TryGetProperty(n, out _)) is { } missing
            && Definition(schemaLocation) is null)
        {
            return new($"{pointer}/{missing.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}", "is required");
        }

        if (Definition(schemaLocation) is { } named)
        {
            return new(pointer, instance is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Array) } value ? $"{Show(value)} {named}" : named);
        }

        return new(pointer, keyword switch
        {
            "type" when instance is { } value => $"is {Kind(value)} {Show(value)}; {Expected(expected)} is expected",
            "enum" when instance is { } value && expected is JsonArray allowed => $"{Show(value)} is not one of {string.Join(", ", allowed.Select(a => a?.ToJsonString().Trim('"')))}",
            "const" when instance is { } value && expected is not null => $"{Show(value)} is not {expected.ToJsonString().Trim('"')}",
            "minItems" => $"has too few items: at least {expected?.ToJsonString()}",
            "minLength" => "is empty",
            _ => libraryMessage,
        });
    }

    /// <summary>The innermost named definition the refused keyword is in, when it has words of its own.</summary>
    private static string? Definition(Uri schemaLocation)
    {
        var segments = Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#')).Split('/');
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (segments[i] == "$defs" && Definitions.TryGetValue(segments[i + 1], out var words))
            {
                return words;
            }
        }

        return null;
    }

    private static JsonElement? At(JsonElement body, string pointer)
    {
        var at = body;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (at.ValueKind == JsonValueKind.Object && at.TryGetProperty(name, out var member))
            {
                at = member;
            }
            else if (at.ValueKind == JsonValueKind.Array && int.TryParse(name, out var i) && i < at.GetArrayLength())
            {
                at = at[i];
            }
            else
            {
                return null;
            }
        }

        return at;
    }

    private static string Show(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Expected(JsonNode? type) => type switch
    {
        JsonArray kinds => string.Join(" or ", kinds.Select(k => Article(k?.GetValue<string>()))),
        JsonValue kind => Article(kind.GetValue<string>()),
        _ => "another type",
    };

    private static string Article(string? kind) => kind switch
    {
        "object" or "array" => "an " + kind,
        null => "another type",
        _ => "a " + kind,
    };
}
