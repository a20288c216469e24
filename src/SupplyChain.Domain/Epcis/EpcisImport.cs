using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// Reads a partner's EPCIS 2.0 JSON-LD document into facts in our terms. All or nothing: the whole document is read
/// and checked before anything is returned, and the first problem refuses it with the event index and the reason
/// (<c>eventList[2]: ObjectEvent without epcList or quantityList</c>). What is well formed but has no place here
/// (class-level identifiers, SSCCs, string-valued sensor reports, AggregationEvents) is listed in the notes. An event
/// with an errorDeclaration is read as the event it repeats, and declares the facts that event made in error.
/// </summary>
/// <remarks>
/// Identifiers: lots come from lgtin URNs and Digital Link /01/{gtin}/10/{lot}; a serial item (sgtin URN,
/// Digital Link /21/) is kept as a lot of one piece whose lot number is the serial number, so serialised
/// partners can still be traced; locations and parties from sgln/pgln URNs and Digital Link /414/ and /417/
/// (an SGLN extension is dropped with a note). Sensor elements become one checkpoint each, since one element is one
/// reading time; they come after a creation or receipt (the lot must be held to be checked) and before a shipment.
/// </remarks>
public static partial class EpcisImport
{
    /// <summary>The id an event captured with this eventID (or, without one, this event text) is stored under.</summary>
    public static string StoredEventId(string eventId) =>
        "epcis-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(eventId)))[..32];

    /// <summary>Reads a whole document, or refuses it with a <see cref="DomainException"/> of kind InvalidArgument.</summary>
    public static EpcisCapture Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, null, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw DomainException.Invalid("document", $"is not JSON: {e.Message}");
        }
        catch (ArgumentException)
        {
            // Text with a lone surrogate has no UTF-8 form (gRPC never delivers one; a caller holding a string may).
            throw DomainException.Invalid("document", "is not valid Unicode text");
        }

        if (root is not JsonObject document)
        {
            throw DomainException.Invalid("document", "is not a JSON object");
        }

        return new DocumentReader(document).Read();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^[A-Z0-9]{2,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex UomPattern();

    /// <summary>The reading of one document: the prefixes it binds to our namespace, and the facts and notes so far.</summary>
    private sealed partial class DocumentReader(JsonObject document)
    {
        private readonly List<ImportedEvent> _events = new();
        private readonly List<ImportNote> _notes = new();
        private readonly List<string> _ourPrefixes = new();
        private HashId.JsonLdPrefixes? _prefixes;

        // An event without an eventID is known by its CBV 2.0 hash id, as the repository stores it.
        private HashId.JsonLdPrefixes Prefixes => _prefixes ??= HashId.JsonLdPrefixes.Standard.With(JsonSerializer.SerializeToElement(document["@context"]));

        // Our event id of each event read, with its index: an event sent twice would be two commands with one id.
        private readonly Dictionary<string, int> _eventIds = new(StringComparer.Ordinal);

        public EpcisCapture Read()
        {
            ReadContext();
            var type = RequiredString(document, "type", "type");
            if (type != "EPCISDocument")
            {
                throw DomainException.Invalid("type", $"'{type}' is not supported: send an EPCISDocument");
            }

            var version = RequiredString(document, "schemaVersion", "schemaVersion");
            if (version != "2.0" && !version.StartsWith("2.0.", StringComparison.Ordinal))
            {
                throw DomainException.Invalid("schemaVersion", $"'{version}' is not supported: EPCIS 2.0 documents only");
            }

            Time(document, "creationDate", "creationDate", required: true);
            var body = document["epcisBody"] as JsonObject ?? throw DomainException.Invalid("epcisBody", "is required: an object holding the eventList");
            var list = body["eventList"] as JsonArray ?? throw DomainException.Invalid("epcisBody.eventList", "is required: an array of events");
            Bounds.Count(list.Count, Bounds.EventsPerImport, "epcisBody.eventList", "events");

            for (var i = 0; i < list.Count; i++)
            {
                ReadEvent(list[i], i);
            }

            return new EpcisCapture(list.Count, _events, _notes, _declarations);
        }

        private void ReadContext()
        {
            var context = document["@context"] ?? throw DomainException.Invalid("@context", $"is required: name {EpcisVocabulary.ContextUrl}");
            var entries = context is JsonArray array ? array.ToList() : new List<JsonNode?> { context };
            var named = false;
            foreach (var entry in entries)
            {
                if (entry is JsonValue value && value.TryGetValue<string>(out var url))
                {
                    named |= url.EndsWith("epcis-context.jsonld", StringComparison.Ordinal);
                }
                else if (entry is JsonObject terms)
                {
                    _ourPrefixes.AddRange(terms.Where(t => t.Value is JsonValue v && v.TryGetValue<string>(out var iri) && iri == EpcisVocabulary.Namespace).Select(t => t.Key));
                }
            }

            if (!named)
            {
                throw DomainException.Invalid("@context", $"does not name the EPCIS 2.0 context {EpcisVocabulary.ContextUrl}");
            }
        }

        private void ReadEvent(JsonNode? node, int index)
        {
            var at = $"eventList[{index}]";
            if (node is not JsonObject e)
            {
                throw DomainException.Invalid(at, "is not an object");
            }

            var type = RequiredString(e, "type", at + ".type");
            if (e["errorDeclaration"] is not null && !_declaring)
            {
                ReadDeclaration(e, at, index, type);
                return;
            }

            var eventTime = Time(e, "eventTime", at + ".eventTime", required: true)!.Value;
            var offset = RequiredString(e, "eventTimeZoneOffset", at + ".eventTimeZoneOffset");
            if (!OffsetPattern().IsMatch(offset))
            {
                throw DomainException.Invalid(at + ".eventTimeZoneOffset", $"'{offset}' is not an offset such as +07:00");
            }

            Time(e, "recordTime", at + ".recordTime", required: false);
            var epcisId = OptionalString(e, "eventID", at + ".eventID");
            if (epcisId is not null && !Uri.TryCreate(epcisId, UriKind.Absolute, out _))
            {
                throw DomainException.Invalid(at + ".eventID", $"'{epcisId}' is not a URI");
            }

            if (type is not ("ObjectEvent" or "TransformationEvent"))
            {
                _notes.Add(new ImportNote(at, type, "is not imported: only ObjectEvents and TransformationEvents make, move or check lots here"));
                return;
            }

            var facts = new EventFacts(
                index, OurEventId(epcisId ?? HashId.EventHashId.Of(e, Prefixes)), epcisId, eventTime,
                CbvWord(OptionalString(e, "bizStep", at + ".bizStep"), at + ".bizStep", "BizStep-", "urn:epcglobal:cbv:bizstep:") ?? "",
                Place(e, "readPoint", at), Place(e, "bizLocation", at));
            if (!_eventIds.TryAdd(_declaring ? "declared " + facts.EventId : facts.EventId, index))
            {
                throw epcisId is null
                    ? DomainException.Invalid(at, $"is the same event as eventList[{_eventIds[facts.EventId]}]: send each event once")
                    : DomainException.Invalid(at + ".eventID", $"'{epcisId}' is also the id of eventList[{_eventIds[facts.EventId]}]: send each event once");
            }

            if (type == "ObjectEvent")
            {
                ReadObjectEvent(e, at, facts);
            }
            else
            {
                ReadTransformationEvent(e, at, facts);
            }
        }

        private void ReadObjectEvent(JsonObject e, string at, EventFacts facts)
        {
            var action = RequiredString(e, "action", at + ".action");
            if (action is not ("ADD" or "OBSERVE" or "DELETE"))
            {
                throw DomainException.Invalid(at + ".action", $"'{action}' is not ADD, OBSERVE or DELETE");
            }

            var (lots, named) = Objects(e, "epcList", "quantityList", at);
            if (!named)
            {
                throw DomainException.Invalid(at, "ObjectEvent without epcList or quantityList");
            }

            var disposition = CbvWord(OptionalString(e, "disposition", at + ".disposition"), at + ".disposition", "Disp-", "urn:epcglobal:cbv:disp:");
            var readings = SensorElements(e, at, facts.EventTime);
            var certificate = CertificateOf(e, at);
            var from = Party(e, "sourceList", "source", at);
            var to = Party(e, "destinationList", "destination", at);
            if (lots.Count == 0)
            {
                _notes.Add(new ImportNote(at, "ObjectEvent", "is not imported: none of its identifiers names a lot"));
                return;
            }

            if (action == "DELETE")
            {
                _notes.Add(new ImportNote(at + ".action", action, "is not imported: no event of ours ends a lot's existence"));
                return;
            }

            // Each lot of an event becomes one command under the event's id: a lot named twice would be two commands with one id.
            if (lots.GroupBy(l => l.Batch).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw DomainException.Invalid(at, $"ObjectEvent names lot {twice.Key} {twice.Count()} times: name each lot once");
            }

            var checkpoints = Checkpoints(e, facts, lots, readings, certificate);
            if (action == "ADD")
            {
                _events.Add(new ImportedCreation(facts.Index, facts.EventId, facts.EpcisId, facts.EventTime, facts.BizStep, facts.ReadPoint, facts.BizLocation, lots));
                _events.AddRange(checkpoints);
            }
            else if (facts.BizStep == "shipping")
            {
                _events.AddRange(checkpoints);
                _events.Add(new ImportedShipment(facts.Index, facts.EventId, facts.EpcisId, facts.EventTime, facts.BizStep, facts.ReadPoint, facts.BizLocation, lots, from, to));
            }
            else if (facts.BizStep == "receiving")
            {
                var accepted = disposition != "returned";
                var note = Extension(e, accepted ? "condition" : "reason") ?? "";
                _events.Add(new ImportedReceipt(facts.Index, facts.EventId, facts.EpcisId, facts.EventTime, facts.BizStep, facts.ReadPoint, facts.BizLocation, lots, from, to, accepted, note));
                _events.AddRange(checkpoints);
            }
            else if (checkpoints.Count > 0)
            {
                _events.AddRange(checkpoints);
            }
            else
            {
                _events.Add(Checkpoint(e, facts, lots, new List<Measurement>(), certificate, readings: false));
            }
        }

        private void ReadTransformationEvent(JsonObject e, string at, EventFacts facts)
        {
            var (inputs, hasInputs) = Objects(e, "inputEPCList", "inputQuantityList", at);
            var (outputs, hasOutputs) = Objects(e, "outputEPCList", "outputQuantityList", at);
            var transformationId = OptionalString(e, "transformationID", at + ".transformationID");
            if (!(hasInputs && hasOutputs) && !(transformationId is not null && (hasInputs || hasOutputs)))
            {
                throw DomainException.Invalid(at, "TransformationEvent needs inputs and outputs (or a transformationID and either)");
            }

            if (e["sensorElementList"] is JsonArray { Count: > 0 })
            {
                _notes.Add(new ImportNote(at + ".sensorElementList", "TransformationEvent", "is not imported: record readings on the output lots with an ObjectEvent"));
            }

            if (inputs.Count == 0 && outputs.Count == 0)
            {
                _notes.Add(new ImportNote(at, "TransformationEvent", "is not imported: none of its identifiers names a lot"));
                return;
            }

            _events.Add(new ImportedTransformation(
                facts.Index, facts.EventId, facts.EpcisId, facts.EventTime, facts.BizStep, facts.ReadPoint, facts.BizLocation, KindOf(inputs, outputs), inputs, outputs));
        }

        private static TransformationKind KindOf(IReadOnlyList<ImportedLot> inputs, IReadOnlyList<ImportedLot> outputs)
        {
            var parents = inputs.Select(i => i.Batch).Distinct().ToList();
            var children = outputs.Select(o => o.Batch).Distinct().ToList();
            if (parents.Count == 1 && children.Count >= 1 && children.All(c => c.Gtin == parents[0].Gtin && c != parents[0]))
            {
                return TransformationKind.Split;
            }

            return parents.Count >= 2 && children.Count == 1 && !parents.Contains(children[0]) ? TransformationKind.Merge : TransformationKind.Transform;
        }

        private List<ImportedEvent> Checkpoints(JsonObject e, EventFacts facts, IReadOnlyList<ImportedLot> lots, IReadOnlyList<(DateTimeOffset Time, List<Measurement> Readings)> readings, Certificate? certificate) =>
            readings.Select((r, k) => (ImportedEvent)(Checkpoint(e, facts, lots, r.Readings, certificate, readings: true) with
            {
                EventId = $"{facts.EventId}-s{k}",
                EventTime = r.Time,
            })).ToList();

        private ImportedCheckpoint Checkpoint(JsonObject e, EventFacts facts, IReadOnlyList<ImportedLot> lots, List<Measurement> measurements, Certificate? certificate, bool readings)
        {
            var kind = Extension(e, "kind") switch
            {
                "production" => CheckpointKind.Production,
                "environmental" => CheckpointKind.Environmental,
                "food_safety" => CheckpointKind.FoodSafety,
                _ => certificate is not null ? CheckpointKind.FoodSafety : readings ? CheckpointKind.Environmental : CheckpointKind.Production,
            };
            var step = Extension(e, "step") ?? (facts.BizStep.Length > 0 ? EpcisVocabulary.LocalName(facts.BizStep) : "other");
            return new ImportedCheckpoint(
                facts.Index, facts.EventId, facts.EpcisId, facts.EventTime, facts.BizStep, facts.ReadPoint, facts.BizLocation, lots, kind, step, measurements, certificate);
        }
    }

    /// <summary>What every fact of one EPCIS event shares.</summary>
    private sealed record EventFacts(int Index, string EventId, string? EpcisId, DateTimeOffset EventTime, string BizStep, Gln? ReadPoint, Gln? BizLocation);
}
