using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

// How the export writes an event's common fields, places, sensor readings and quantities, and what it sees of a transformation.
public static partial class EpcisExport
{
    private sealed partial class EventWriter
    {
        // An event type this writer does not know yet still goes out, as an observation naming it.
        private JsonObject Other(BatchRef batch, RecordedEvent recorded)
        {
            var e = recorded.Event;
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = EpcisVocabulary.BizSteps.Contains(e.BizStep) ? e.BizStep : "other";
            o["quantityList"] = new JsonArray(Quantity(batch, null));
            Places(o, e.Location, null);
            o[EpcisVocabulary.Term("eventType")] = e.GetType().Name;
            o[EpcisVocabulary.Term("step")] = e.BizStep;
            return Ours(o, batch, recorded);
        }

        private JsonObject Common(string type, BatchRef batch, RecordedEvent recorded) => new()
        {
            ["type"] = type,
            ["eventTime"] = Time(recorded.Event.EventTime, _offset),
            ["eventTimeZoneOffset"] = Offset(_offset),
            ["recordTime"] = Time(recorded.RecordedAt, _offset),
            ["eventID"] = EventUri(batch, recorded),
        };

        private static JsonObject Ours(JsonObject o, BatchRef batch, RecordedEvent recorded)
        {
            o[EpcisVocabulary.Term("eventId")] = recorded.Event.EventId;
            o[EpcisVocabulary.Term("batch")] = EpcisIdentifier.LotUri(batch);
            o[EpcisVocabulary.Term("version")] = recorded.Version;
            o[EpcisVocabulary.Term("hash")] = recorded.Hash;
            return o;
        }

        private static void Places(JsonObject o, Gln readPoint, Gln? bizLocation)
        {
            o["readPoint"] = new JsonObject { ["id"] = EpcisIdentifier.LocationUri(readPoint) };
            if (bizLocation is { } place)
            {
                o["bizLocation"] = new JsonObject { ["id"] = EpcisIdentifier.LocationUri(place) };
            }
        }

        /// <summary>One sensor element: each reading once, flagged as an alarm when any limit it was judged by was broken.</summary>
        private void Sensors(JsonObject o, IReadOnlyList<MeasurementResult> results, DateTimeOffset at)
        {
            if (results.Count == 0)
            {
                return;
            }

            var reports = results.GroupBy(r => r.Measurement).Select(g =>
            {
                var report = new JsonObject
                {
                    ["type"] = EpcisVocabulary.SensorType(g.Key.Type),
                    ["value"] = g.Key.Value,
                    ["uom"] = EpcisVocabulary.SensorUnit(g.Key.Unit),
                };
                if (g.Any(r => !r.Within))
                {
                    report["exception"] = "ALARM_CONDITION";
                }

                return (JsonNode?)report;
            }).ToArray();
            o["sensorElementList"] = new JsonArray(new JsonObject
            {
                ["sensorMetadata"] = new JsonObject { ["time"] = Time(at, _offset) },
                ["sensorReport"] = new JsonArray(reports),
            });
        }

        // EPCIS counts instances when a quantity has no unit, which is what our H87 (piece) means.
        private static JsonObject Quantity(BatchRef batch, Quantity? quantity)
        {
            var element = new JsonObject { ["epcClass"] = EpcisIdentifier.LotUri(batch) };
            if (quantity is not null)
            {
                element["quantity"] = quantity.Value;
                if (quantity.Unit != "H87")
                {
                    element["uom"] = quantity.Unit;
                }
            }

            return element;
        }

        private static JsonObject Source(string type, string uri) => new() { ["type"] = type, ["source"] = uri };

        private static JsonObject Destination(string type, string uri) => new() { ["type"] = type, ["destination"] = uri };

        private static Quantity Total(IReadOnlyList<BatchPart> parts) =>
            parts.Skip(1).Aggregate(parts[0].Quantity, (sum, part) => sum.Add(part.Quantity));

        // certificationInfo must be a URI: a reference that is one stays as it is, a plain one is named under our namespace.
        private static string CertificateUri(Certificate certificate)
        {
            var reference = certificate.Reference;
            if (Uri.TryCreate(reference, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "urn")
            {
                return reference;
            }

            var issuer = certificate.Issuer?.Value ?? "unknown-issuer";
            return $"{EpcisVocabulary.Namespace}certificates/{issuer}/{Uri.EscapeDataString(reference)}";
        }
    }

    /// <summary>
    /// What the document's events tell of one transformation: its inputs with the amounts they gave (every output's
    /// creation lists them all) and its outputs with their amounts (every input's use lists them all). When the document
    /// holds only one side, the other is what it shows of it, ordered by batch.
    /// </summary>
    private sealed class TransformationSeen(string id)
    {
        private IReadOnlyList<BatchPart>? _allInputs;
        private IReadOnlyList<BatchPart>? _allOutputs;
        private readonly List<BatchPart> _inputsSeen = new();
        private readonly List<BatchPart> _outputsSeen = new();

        public string Id { get; } = id;

        /// <summary>True when the document holds the first output's creation, which takes the transformation's own id.</summary>
        public bool FirstOutputHere { get; private set; }

        public IReadOnlyList<BatchPart> Inputs => _allInputs ?? _inputsSeen.OrderBy(p => p.Batch.Key, StringComparer.Ordinal).ToList();

        public IReadOnlyList<BatchPart> Outputs => _allOutputs ?? _outputsSeen.OrderBy(p => p.Batch.Key, StringComparer.Ordinal).ToList();

        public void Made(BatchPart output, IReadOnlyList<BatchPart> inputs, bool first)
        {
            FirstOutputHere |= first;
            _allInputs = inputs;
            _outputsSeen.Add(output);
        }

        public void Used(BatchPart input, IReadOnlyList<BatchPart> outputs)
        {
            _allOutputs = outputs;
            _inputsSeen.Add(input);
        }
    }
}
