using System.Text;
using System.Text.Json;

namespace SupplyChain.Domain.Epcis.HashId;

/// <summary>
/// The CBV 2.0 pre-hash string of one EPCIS event: its fields in the canonical property order, each "key=value",
/// lists sorted, extensions as {namespace}name sorted, and eventID, recordTime and errorDeclaration left out.
/// </summary>
public sealed class PreHash
{
    private static readonly string[] EpcLists = { "epcList", "inputEPCList", "childEPCs", "outputEPCList" };

    // Every field the canonical order places; the rest of an event is user extensions.
    private static readonly HashSet<string> Placed = new(StringComparer.Ordinal)
    {
        "type", "eventTime", "eventTimeZoneOffset", "certificationInfo", "epcList", "parentID", "inputEPCList", "childEPCs",
        "quantityList", "childQuantityList", "inputQuantityList", "outputEPCList", "outputQuantityList", "action",
        "transformationID", "bizStep", "disposition", "persistentDisposition", "readPoint", "bizLocation",
        "bizTransactionList", "sourceList", "destinationList", "sensorElementList", "ilmd",
        "eventID", "recordTime", "errorDeclaration",
    };

    // Comments, like XML comments, are no part of the event.
    private const string Comment = "{http://www.w3.org/2000/01/rdf-schema#}comment";

    private static readonly string[] MetadataTimes = { "time", "startTime", "endTime" };
    private static readonly string[] MetadataIdentifiers = { "deviceID", "deviceMetadata", "rawData", "dataProcessingMethod", "bizRules" };
    private static readonly string[] ReportNumbers = { "minValue", "maxValue", "meanValue", "sDev", "percRank", "percValue" };

    private readonly JsonLdPrefixes _prefixes;

    private PreHash(JsonLdPrefixes prefixes)
    {
        _prefixes = prefixes;
    }

    /// <summary>The pre-hash string of an event; prefixes are those of the document around it, if any.</summary>
    public static string Of(JsonElement epcisEvent, JsonLdPrefixes? prefixes = null)
    {
        var known = prefixes ?? JsonLdPrefixes.Standard;
        if (epcisEvent.TryGetProperty("@context", out var own))
        {
            known = known.With(own);
        }

        return new PreHash(known).Event(epcisEvent);
    }

    private string Event(JsonElement e)
    {
        var text = new StringBuilder();
        Append(text, "eventType", Text(e, "type"));
        Append(text, "eventTime", Text(e, "eventTime") is { } time ? CanonicalValue.Timestamp(time) : null);
        Append(text, "eventTimeZoneOffset", Text(e, "eventTimeZoneOffset"));
        text.Append(Sorted(Values(e, "certificationInfo").Select(v => $"certificationInfo={Identifier(v)}")));
        Epcs(text, e, EpcLists[0]);
        Append(text, "parentID", Text(e, "parentID") is { } parent ? Identifier(parent) : null);
        Epcs(text, e, EpcLists[1]);
        Epcs(text, e, EpcLists[2]);
        Quantities(text, e, "quantityList");
        Quantities(text, e, "childQuantityList");
        Quantities(text, e, "inputQuantityList");
        Epcs(text, e, EpcLists[3]);
        Quantities(text, e, "outputQuantityList");
        Append(text, "action", Text(e, "action"));
        Append(text, "transformationID", Text(e, "transformationID") is { } transformation ? Identifier(transformation) : null);
        Append(text, "bizStep", Text(e, "bizStep") is { } step ? CanonicalValue.Vocabulary(step, "BizStep", _prefixes) : null);
        Append(text, "disposition", Text(e, "disposition") is { } disposition ? CanonicalValue.Vocabulary(disposition, "Disp", _prefixes) : null);
        PersistentDisposition(text, e);
        Place(text, e, "readPoint");
        Place(text, e, "bizLocation");
        Typed(text, e, "bizTransactionList", "bizTransaction", "BTT");
        Typed(text, e, "sourceList", "source", "SDT");
        Typed(text, e, "destinationList", "destination", "SDT");
        Sensors(text, e);
        if (e.TryGetProperty("ilmd", out var ilmd) && ilmd.ValueKind == JsonValueKind.Object)
        {
            var fields = Extensions(ilmd, _ => false);
            if (fields.Length > 0)
            {
                text.Append("ilmd").Append(fields);
            }
        }

        text.Append(Extensions(e, Placed.Contains));
        return text.ToString();
    }

    private void Epcs(StringBuilder text, JsonElement e, string list)
    {
        var epcs = Values(e, list).Select(v => $"epc={Identifier(v)}").ToList();
        if (epcs.Count > 0)
        {
            text.Append(list).Append(Sorted(epcs));
        }
    }

    private void Quantities(StringBuilder text, JsonElement e, string list)
    {
        var elements = Objects(e, list).Select(q =>
        {
            var element = new StringBuilder("quantityElement");
            Append(element, "epcClass", Text(q, "epcClass") is { } epcClass ? Identifier(epcClass) : null);
            Append(element, "quantity", q.TryGetProperty("quantity", out var quantity) ? CanonicalValue.Number(quantity) : null);
            Append(element, "uom", Text(q, "uom"));
            return element.ToString();
        }).ToList();
        if (elements.Count > 0)
        {
            text.Append(list).Append(Sorted(elements));
        }
    }

    private void PersistentDisposition(StringBuilder text, JsonElement e)
    {
        if (!e.TryGetProperty("persistentDisposition", out var persistent) || persistent.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var set = Values(persistent, "set").Select(v => $"set={CanonicalValue.Vocabulary(v, "Disp", _prefixes)}");
        var unset = Values(persistent, "unset").Select(v => $"unset={CanonicalValue.Vocabulary(v, "Disp", _prefixes)}");
        var body = Sorted(set) + Sorted(unset);
        if (body.Length > 0)
        {
            text.Append("persistentDisposition").Append(body);
        }
    }

    private void Place(StringBuilder text, JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var place) || place.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var body = new StringBuilder();
        Append(body, "id", Text(place, "id") is { } id ? Identifier(id) : null);
        body.Append(Extensions(place, key => key == "id"));
        if (body.Length > 0)
        {
            text.Append(name).Append(body);
        }
    }

    private void Typed(StringBuilder text, JsonElement e, string list, string field, string kind)
    {
        var elements = Objects(e, list).Select(item =>
        {
            var element = new StringBuilder();
            Append(element, "type", Text(item, "type") is { } type ? CanonicalValue.Vocabulary(type, kind, _prefixes) : null);
            Append(element, field, Text(item, field) is { } value ? Identifier(value) : null);
            return element.ToString();
        }).ToList();
        if (elements.Count > 0)
        {
            text.Append(list).Append(Sorted(elements));
        }
    }

    private void Sensors(StringBuilder text, JsonElement e)
    {
        var elements = Objects(e, "sensorElementList").Select(SensorElement).ToList();
        if (elements.Count > 0)
        {
            text.Append("sensorElementList").Append(Sorted(elements));
        }
    }

    private string SensorElement(JsonElement element)
    {
        var text = new StringBuilder("sensorElement");
        if (element.TryGetProperty("sensorMetadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            var body = new StringBuilder();
            foreach (var time in MetadataTimes)
            {
                Append(body, time, Text(metadata, time) is { } value ? CanonicalValue.Timestamp(value) : null);
            }

            foreach (var field in MetadataIdentifiers)
            {
                Append(body, field, Text(metadata, field) is { } value ? Identifier(value) : null);
            }

            body.Append(Extensions(metadata, key => MetadataTimes.Contains(key) || MetadataIdentifiers.Contains(key)));
            if (body.Length > 0)
            {
                text.Append("sensorMetadata").Append(body);
            }
        }

        text.Append(Sorted(Objects(element, "sensorReport").Select(SensorReport)));
        text.Append(Extensions(element, key => key is "sensorMetadata" or "sensorReport"));
        return text.ToString();
    }

    private string SensorReport(JsonElement report)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder("sensorReport");

        void Field(string name, Func<string, string> canonical)
        {
            placed.Add(name);
            Append(text, name, report.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? canonical(CanonicalValue.Scalar(value)) : null);
        }

        void Number(string name)
        {
            placed.Add(name);
            Append(text, name, report.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? CanonicalValue.Number(value) : null);
        }

        Field("type", v => CanonicalValue.Gs1Term(v, _prefixes));
        Field("exception", v => CanonicalValue.Gs1Term(v, _prefixes));
        foreach (var field in MetadataIdentifiers[..4])
        {
            Field(field, Identifier);
        }

        Field("time", CanonicalValue.Timestamp);
        Field("microorganism", _prefixes.Expand);
        Field("chemicalSubstance", _prefixes.Expand);
        Number("value");
        Field("component", v => CanonicalValue.Vocabulary(v, "Comp", _prefixes));
        Field("stringValue", v => v);
        Field("booleanValue", v => v);
        Field("hexBinaryValue", v => v);
        Field("uriValue", Identifier);
        foreach (var field in ReportNumbers)
        {
            Number(field);
        }

        Field("uom", v => v);
        Field("coordinateReferenceSystem", _prefixes.Expand);
        text.Append(Extensions(report, placed.Contains));
        return text.ToString();
    }

    // User extensions: each {namespace}name, then its value or its own sorted fields; all sorted together.
    private string Extensions(JsonElement owner, Func<string, bool> skip)
    {
        var parts = new List<string>();
        foreach (var property in owner.EnumerateObject())
        {
            if (!property.Name.StartsWith('@') && !skip(property.Name) && ExpandedName(property.Name) is var name && name != Comment)
            {
                Extension(parts, name, property.Value);
            }
        }

        return Sorted(parts);
    }

    private void Extension(List<string> parts, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Extension(parts, name, item);
                }

                break;
            case JsonValueKind.Object:
                parts.Add(name + Extensions(value, _ => false));
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                parts.Add($"{name}={CanonicalValue.Scalar(value)}");
                break;
        }
    }

    // prefix:name -> {namespace}name; a full IRI splits after its last '/', '#' or ':'.
    private string ExpandedName(string key)
    {
        var iri = _prefixes.Expand(key);
        var cut = iri.LastIndexOfAny(new[] { '/', '#', ':' });
        return cut < 0 ? iri : $"{{{iri[..(cut + 1)]}}}{iri[(cut + 1)..]}";
    }

    private string Identifier(string value) => CanonicalValue.Identifier(value, _prefixes);

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append(key).Append('=').Append(value);
        }
    }

    private static string Sorted(IEnumerable<string> parts) => string.Concat(parts.Order(StringComparer.Ordinal));

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? CanonicalValue.Scalar(value)
            : null;

    private static IEnumerable<string> Values(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return Enumerable.Empty<string>();
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : new List<JsonElement> { value };
        return items.Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!.Trim()).Where(s => s.Length > 0).ToList();
    }

    private static IEnumerable<JsonElement> Objects(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToList()
            : Enumerable.Empty<JsonElement>();
}
