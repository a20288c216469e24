using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

// How an EPCIS event's lists, quantities, sensor readings, parties, places and fields are read.
public static partial class EpcisImport
{
    private sealed partial class DocumentReader
    {
        /// <summary>The lots an event names in an identifier list and a quantity list, and whether it named anything at all.</summary>
        private (List<ImportedLot> Lots, bool Named) Objects(JsonObject e, string epcListName, string quantityListName, string at)
        {
            var lots = new List<ImportedLot>();
            var epcs = OptionalArray(e, epcListName, at);
            for (var k = 0; k < epcs.Count; k++)
            {
                var field = $"{at}.{epcListName}[{k}]";
                var uri = StringValue(epcs[k], field);
                var mapped = EpcisIdentifier.ParseObject(uri, field);
                if (mapped.Batch is null)
                {
                    _notes.Add(new ImportNote(field, uri, mapped.Reason));
                    continue;
                }

                lots.Add(new ImportedLot(mapped.Batch, mapped.IsSerial ? new Quantity(1m, "H87") : null, uri));
            }

            var quantities = OptionalArray(e, quantityListName, at);
            for (var k = 0; k < quantities.Count; k++)
            {
                var field = $"{at}.{quantityListName}[{k}]";
                if (quantities[k] is not JsonObject element)
                {
                    throw DomainException.Invalid(field, "is not an object");
                }

                var uri = RequiredString(element, "epcClass", field + ".epcClass");
                var amount = element["quantity"] is null ? (decimal?)null : Number(element["quantity"], field + ".quantity");
                var uom = OptionalString(element, "uom", field + ".uom");
                if (uom is not null && !UomPattern().IsMatch(uom))
                {
                    throw DomainException.Invalid(field + ".uom", $"'{uom}' is not a UN/CEFACT unit code of 2 or 3 capitals or digits");
                }

                var mapped = EpcisIdentifier.ParseObject(uri, field + ".epcClass");
                if (mapped.Batch is null)
                {
                    _notes.Add(new ImportNote(field + ".epcClass", uri, mapped.Reason));
                    continue;
                }

                var kept = amount is { } value ? Amount(value, uom, field) : null;
                lots.Add(new ImportedLot(mapped.Batch, kept, uri) { AmountNotKept = amount is not null && kept is null });
            }

            return (lots, epcs.Count + quantities.Count > 0);
        }

        // A quantity without a unit counts instances (EPCIS), which is our H87 (piece).
        private Quantity? Amount(decimal value, string? uom, string field)
        {
            try
            {
                return Quantity.Parse((double)value, uom ?? "H87", field + ".quantity");
            }
            catch (DomainException refused)
            {
                _notes.Add(new ImportNote(field + ".quantity", $"{value} {uom ?? "(count)"}", $"is not kept: {refused.Message}"));
                return null;
            }
        }

        /// <summary>Each sensor element's readings with the time they were taken (the element's time, else the event's).</summary>
        private List<(DateTimeOffset Time, List<Measurement> Readings)> SensorElements(JsonObject e, string at, DateTimeOffset eventTime)
        {
            var result = new List<(DateTimeOffset, List<Measurement>)>();
            var elements = OptionalArray(e, "sensorElementList", at);
            for (var k = 0; k < elements.Count; k++)
            {
                var field = $"{at}.sensorElementList[{k}]";
                if (elements[k] is not JsonObject element)
                {
                    throw DomainException.Invalid(field, "is not an object");
                }

                var metadata = element["sensorMetadata"] as JsonObject;
                var time = metadata is null ? null : Time(metadata, "time", field + ".sensorMetadata.time", false) ?? Time(metadata, "endTime", field + ".sensorMetadata.endTime", false);
                var reports = element["sensorReport"] as JsonArray;
                if (reports is null || reports.Count == 0)
                {
                    throw DomainException.Invalid(field + ".sensorReport", "is required: at least one sensor report");
                }

                var readings = new List<Measurement>();
                for (var r = 0; r < reports.Count; r++)
                {
                    var reportField = $"{field}.sensorReport[{r}]";
                    if (Reading(reports[r], reportField) is not { } reading)
                    {
                        continue;
                    }

                    if (readings.Any(m => m.Type == reading.Type))
                    {
                        _notes.Add(new ImportNote(reportField, reading.ToString(), $"is not kept: a second '{reading.Type}' reading in one sensor element (the first is kept)"));
                        continue;
                    }

                    readings.Add(reading);
                }

                if (readings.Count == 0)
                {
                    _notes.Add(new ImportNote(field, "sensorElement", "is not imported: none of its reports is a numeric reading with a unit"));
                    continue;
                }

                result.Add((time ?? eventTime, readings));
            }

            return result;
        }

        private Measurement? Reading(JsonNode? node, string field)
        {
            if (node is not JsonObject report)
            {
                throw DomainException.Invalid(field, "is not an object");
            }

            var type = RequiredString(report, "type", field + ".type");
            if (report["value"] is null)
            {
                _notes.Add(new ImportNote(field, type, "is not kept: only numeric readings (value) are imported"));
                return null;
            }

            var value = Number(report["value"], field + ".value");
            var uom = OptionalString(report, "uom", field + ".uom");
            if (uom is null)
            {
                _notes.Add(new ImportNote(field, $"{type} {value}", "is not kept: a reading needs a unit (uom)"));
                return null;
            }

            try
            {
                return Measurement.Parse(EpcisVocabulary.OurMeasurementType(type), (double)value, uom, field);
            }
            catch (DomainException refused)
            {
                _notes.Add(new ImportNote(field, $"{type} {value} {uom}", $"is not kept: {refused.Message}"));
                return null;
            }
        }

        private Certificate? CertificateOf(JsonObject e, string at)
        {
            var uris = new List<string>();
            var info = e["certificationInfo"];
            if (info is JsonArray list)
            {
                uris.AddRange(list.Select((n, k) => StringValue(n, $"{at}.certificationInfo[{k}]")));
            }
            else if (info is not null)
            {
                uris.Add(StringValue(info, at + ".certificationInfo"));
            }

            var reference = Extension(e, "certificateReference");
            if (reference is null && uris.Count == 0)
            {
                return null;
            }

            // Our own sc:certificateReference is the plain text of the first certificationInfo.
            foreach (var extra in uris.Skip(1))
            {
                _notes.Add(new ImportNote(at + ".certificationInfo", extra, "is not kept: a checkpoint holds one certificate"));
            }

            var issuer = Extension(e, "certificateIssuer") is { } party ? EpcisIdentifier.ParseLocation(party, at + ".certificateIssuer").Gln : null;
            return new Certificate(issuer, Text.Required(reference ?? uris[0], at + ".certificationInfo", Bounds.CertificateReferenceLength));
        }

        /// <summary>The party of a source or destination list: possessing party first, then owning party, then location.</summary>
        private Gln? Party(JsonObject e, string listName, string key, string at)
        {
            var entries = OptionalArray(e, listName, at);
            var found = new List<(int Rank, Gln Gln)>();
            for (var k = 0; k < entries.Count; k++)
            {
                var field = $"{at}.{listName}[{k}]";
                if (entries[k] is not JsonObject entry)
                {
                    throw DomainException.Invalid(field, "is not an object");
                }

                var type = CbvWord(RequiredString(entry, "type", field + ".type"), field + ".type", "SDT-", "urn:epcglobal:cbv:sdt:");
                var uri = RequiredString(entry, key, $"{field}.{key}");
                var mapped = EpcisIdentifier.ParseLocation(uri, $"{field}.{key}");
                if (mapped.Reason.Length > 0)
                {
                    _notes.Add(new ImportNote($"{field}.{key}", uri, mapped.Reason));
                }

                if (mapped.Gln is { } gln)
                {
                    found.Add((type switch { "possessing_party" => 0, "owning_party" => 1, "location" => 2, _ => 3 }, gln));
                }
            }

            return found.Count == 0 ? null : found.MinBy(f => f.Rank).Gln;
        }

        private Gln? Place(JsonObject e, string name, string at)
        {
            if (e[name] is null)
            {
                return null;
            }

            var field = $"{at}.{name}";
            if (e[name] is not JsonObject place)
            {
                throw DomainException.Invalid(field, "is not an object with an id");
            }

            var uri = RequiredString(place, "id", field + ".id");
            var mapped = EpcisIdentifier.ParseLocation(uri, field + ".id");
            if (mapped.Reason.Length > 0)
            {
                _notes.Add(new ImportNote(field + ".id", uri, mapped.Reason));
            }

            return mapped.Gln;
        }

        /// <summary>A value of one of our extension terms, under any prefix the document binds to our namespace.</summary>
        private string? Extension(JsonObject e, string term)
        {
            foreach (var key in _ourPrefixes.Select(p => $"{p}:{term}").Append(EpcisVocabulary.Namespace + term))
            {
                if (e[key] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    return text;
                }
            }

            return null;
        }

        // EPCIS 2.0 writes CBV words bare; the full IRI and the EPCIS 1.x URN forms mean the same word.
        private static string? CbvWord(string? value, string field, string iriPrefix, string urnPrefix)
        {
            if (value is null)
            {
                return null;
            }

            foreach (var prefix in new[] { "https://ref.gs1.org/cbv/" + iriPrefix, "https://ns.gs1.org/cbv/" + iriPrefix, urnPrefix })
            {
                if (value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return value[prefix.Length..];
                }
            }

            if (value.All(c => char.IsAsciiLetterLower(c) || c == '_') || Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                return value;
            }

            throw DomainException.Invalid(field, $"'{value}' is neither a CBV word nor a URI");
        }

        private static string OurEventId(string source) => StoredEventId(source);

        private static DateTimeOffset? Time(JsonObject o, string name, string field, bool required)
        {
            var text = required ? RequiredString(o, name, field) : OptionalString(o, name, field);
            if (text is null)
            {
                return null;
            }

            var match = DateTimePattern().Match(text);
            if (!match.Success)
            {
                throw DomainException.Invalid(field, $"'{text}' is not a date-time with an offset, such as 2025-06-01T09:30:00+07:00");
            }

            // .NET reads at most seven fractional digits; RFC 3339 allows more.
            var fraction = match.Groups[1].Value;
            var normal = fraction.Length > 8 ? text.Replace(fraction, fraction[..8], StringComparison.Ordinal) : text;
            if (!DateTimeOffset.TryParse(normal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                throw DomainException.Invalid(field, $"'{text}' is not a valid date-time");
            }

            return time;
        }

        private static string RequiredString(JsonObject o, string name, string field) =>
            OptionalString(o, name, field) ?? throw DomainException.Invalid(field, "is required");

        private static string? OptionalString(JsonObject o, string name, string field) =>
            o[name] is null ? null : StringValue(o[name], field);

        private static string StringValue(JsonNode? node, string field) =>
            node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw DomainException.Invalid(field, "is not a string");

        private static decimal Number(JsonNode? node, string field)
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number))
            {
                return number;
            }

            throw DomainException.Invalid(field, "is not a number");
        }

        private static JsonArray OptionalArray(JsonObject o, string name, string at) =>
            o[name] switch
            {
                null => new JsonArray(),
                JsonArray array => array,
                _ => throw DomainException.Invalid($"{at}.{name}", "is not an array"),
            };
    }
}
