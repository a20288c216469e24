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

/// <summary>
/// Writes batches' stored events as one EPCIS 2.0 JSON-LD EPCISDocument that validates against the GS1 schema.
/// Creation, checkpoints, shipping and receiving become ObjectEvents; a split becomes one TransformationEvent (from the
/// parent's event: the children's creations are not repeated) and a merge one TransformationEvent (from the merged
/// batch's creation: the inputs' moves into it are not repeated). A merge that was undone leaves nothing: its move and
/// its undoing cancel out. A transformation is one TransformationEvent of all its inputs (with the amounts they gave) and
/// all its outputs, written from its first output's creation when the document holds it, else from the first of its
/// events the document holds. Each event keeps our event id, batch, version and chained hash under the sc: prefix, so an
/// auditor can check it against GetBatchHistory. An event declared in error carries the standard's errorDeclaration.
/// </summary>
public static partial class EpcisExport
{
    /// <summary>Vietnam's offset (UTC+7), where our participants are; stored times are UTC and keep no offset.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private const string DescriptionShort = "urn:epcglobal:cbv:mda#descriptionShort";

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document, as JSON text (indented, non-ASCII written as is).</summary>
    public static string Write(
        IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> batches,
        DateTimeOffset createdAt,
        IReadOnlyDictionary<Gtin, string>? productNames = null,
        TimeSpan? timeZoneOffset = null) =>
        Text(Document(batches, createdAt, productNames, timeZoneOffset));

    /// <summary>A document as JSON text, as <see cref="Write"/> writes it.</summary>
    public static string Text(JsonObject document) => document.ToJsonString(Written);

    /// <summary>Number of events in a document's eventList.</summary>
    public static int EventCount(JsonObject document) => document["epcisBody"]?["eventList"]?.AsArray().Count ?? 0;

    /// <summary>
    /// The EPCISDocument of these batches' events, ordered by event time. <paramref name="productNames"/> become
    /// master data (CBV descriptionShort) for the products named; times are written at <paramref name="timeZoneOffset"/>
    /// (Vietnam's by default); Digital Links are written on <paramref name="linkDomain"/> (GS1's resolver by default).
    /// </summary>
    public static JsonObject Document(
        IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> batches,
        DateTimeOffset createdAt,
        IReadOnlyDictionary<Gtin, string>? productNames = null,
        TimeSpan? timeZoneOffset = null,
        string? linkDomain = null)
    {
        var offset = timeZoneOffset ?? VietnamOffset;
        if (offset < TimeSpan.FromHours(-12) || offset > TimeSpan.FromHours(14) || offset.Seconds != 0)
        {
            throw DomainException.Invalid("time_zone_offset", $"{offset} is not a time zone offset between -12:00 and +14:00 in whole minutes");
        }

        var logs = batches.DistinctBy(b => b.Batch).ToList();
        var writer = new EventWriter(logs, offset);
        var events = logs
            .SelectMany(log => log.Events.Select(recorded => (log.Batch, Recorded: recorded)))
            .OrderBy(x => x.Recorded.Event.EventTime.UtcDateTime)
            .ThenBy(x => x.Recorded.RecordedAt.UtcDateTime)
            .ThenBy(x => x.Batch.Key, StringComparer.Ordinal)
            .ThenBy(x => x.Recorded.Version)
            .Select(x => writer.Event(x.Batch, x.Recorded))
            .OfType<JsonObject>()
            .ToList();

        var document = new JsonObject
        {
            ["@context"] = new JsonArray(EpcisVocabulary.ContextUrl, new JsonObject { [EpcisVocabulary.Prefix] = EpcisVocabulary.Namespace }),
            ["type"] = "EPCISDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = Time(createdAt, offset),
        };
        if (MasterData(logs, productNames) is { } header)
        {
            document["epcisHeader"] = header;
        }

        document["epcisBody"] = new JsonObject { ["eventList"] = new JsonArray(events.ToArray<JsonNode?>()) };
        Links.LinkDomain.Rewrite(document, linkDomain ?? Links.LinkDomain.Gs1);
        return document;
    }

    /// <summary>An EPCIS date-time at the given offset, to the millisecond.</summary>
    public static string Time(DateTimeOffset time, TimeSpan offset) =>
        time.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>An offset as EPCIS writes it: +07:00.</summary>
    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);

    /// <summary>A stable eventID for a stored event: a UUID (version 8) made from the batch, version and chained hash.</summary>
    public static string EventUri(BatchRef batch, RecordedEvent recorded)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{batch.Key}\n{recorded.Version}\n{recorded.Hash}")))[..32].ToCharArray();
        hex[12] = '8';
        hex[16] = "89ab"[Convert.ToInt32(hex[16].ToString(), 16) & 3];
        var text = new string(hex);
        return $"urn:uuid:{text[..8]}-{text[8..12]}-{text[12..16]}-{text[16..20]}-{text[20..]}";
    }

    private static JsonObject? MasterData(IEnumerable<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> logs, IReadOnlyDictionary<Gtin, string>? productNames)
    {
        var named = logs.Select(l => l.Batch.Gtin).Distinct().OrderBy(gtin => gtin.Value, StringComparer.Ordinal)
            .Select(gtin => (Gtin: gtin, Name: productNames?.GetValueOrDefault(gtin)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Name))
            .Select(p => (JsonNode?)new JsonObject
            {
                ["id"] = EpcisIdentifier.ProductUri(p.Gtin),
                ["attributes"] = new JsonArray(new JsonObject { ["id"] = DescriptionShort, ["attribute"] = p.Name }),
            })
            .ToArray();
        return named.Length == 0 ? null : new JsonObject
        {
            ["epcisMasterData"] = new JsonObject
            {
                ["vocabularyList"] = new JsonArray(new JsonObject
                {
                    ["type"] = "urn:epcglobal:epcis:vtype:EPCClass",
                    ["vocabularyElementList"] = new JsonArray(named),
                }),
            },
        };
    }

    /// <summary>Writes single events, knowing which splits and merges another event of the document already tells.</summary>
    private sealed partial class EventWriter
    {
        private readonly TimeSpan _offset;
        private readonly HashSet<BatchRef> _childrenOfWrittenSplits = new();
        private readonly HashSet<(BatchRef Input, BatchRef Into)> _inputsOfWrittenMerges = new();
        private readonly HashSet<(BatchRef Input, BatchRef Into, long Version)> _undoneMoves = new();
        private readonly Dictionary<string, TransformationSeen> _transformations = new(StringComparer.Ordinal);
        private readonly HashSet<string> _writtenTransformations = new(StringComparer.Ordinal);

        public EventWriter(IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> logs, TimeSpan offset)
        {
            _offset = offset;
            foreach (var (batch, events) in logs)
            {
                foreach (var recorded in events)
                {
                    switch (recorded.Event)
                    {
                        case BatchSplit split:
                            _childrenOfWrittenSplits.UnionWith(split.Children.Select(c => c.Batch));
                            break;
                        case BatchCreated { Origin: Origin.Merged } merged:
                            _inputsOfWrittenMerges.UnionWith(merged.Inputs.Select(i => (i.Batch, new BatchRef(merged.Gtin, merged.Lot))));
                            break;
                        case BatchMerged move when events.Any(r => r.Version > recorded.Version && r.Event is MergeReverted undo && undo.Into == move.Into):
                            _undoneMoves.Add((batch, move.Into, recorded.Version));
                            break;
                        case BatchCreated { Origin: Origin.Transformed } made:
                            var transformation = TransformationOf(EventId.Root(made.EventId));
                            transformation.Made(new BatchPart(batch, made.Quantity), made.Inputs, made.EventId == transformation.Id);
                            break;
                        case BatchTransformed use when events.Any(r => r.Version > recorded.Version && r.Event is TransformReverted undo && undo.TransformationId == use.TransformationId):
                            _undoneMoves.Add((batch, use.Outputs[0].Batch, recorded.Version));
                            break;
                        case BatchTransformed use:
                            TransformationOf(use.TransformationId).Used(new BatchPart(batch, use.Used), use.Outputs);
                            break;
                        case ErrorDeclared declared:
                            _declarations.TryAdd((batch, declared.DeclaredVersion), declared);
                            break;
                    }
                }
            }
        }

        /// <summary>The EPCIS event for one stored event, or null when another event of the document tells it.</summary>
        private JsonObject? Written(BatchRef batch, RecordedEvent recorded) => recorded.Event switch
        {
            BatchCreated { Origin: Origin.Produced } e => Created(batch, recorded, e),
            BatchCreated { Origin: Origin.Split } e when _childrenOfWrittenSplits.Contains(batch) => null,
            BatchCreated { Origin: Origin.Transformed } e => Transformed(batch, recorded, EventId.Root(e.EventId), e.EventId),
            BatchCreated e => Transformation(batch, recorded, e, e.Origin == Origin.Merged ? "merge" : "split", e.Inputs, new List<BatchPart> { new(batch, e.Quantity) }),
            CheckpointRecorded e => Checkpoint(batch, recorded, e),
            BatchShipped e => Shipped(batch, recorded, e),
            BatchReceived e => Received(batch, recorded, e),
            ShipmentRejected e => Rejected(batch, recorded, e),
            BatchSplit e => Transformation(batch, recorded, e, "split", new List<BatchPart> { new(batch, Total(e.Children)) }, e.Children),
            BatchMerged e when _inputsOfWrittenMerges.Contains((batch, e.Into)) || _undoneMoves.Contains((batch, e.Into, recorded.Version)) => null,
            BatchMerged e => Transformation(batch, recorded, e, "merge", new List<BatchPart> { new(batch, e.Quantity) }, null, e.Into),
            MergeReverted => null,
            BatchTransformed e when _undoneMoves.Contains((batch, e.Outputs[0].Batch, recorded.Version)) => null,
            BatchTransformed e => Transformed(batch, recorded, e.TransformationId, null),
            TransformReverted => null,
            BatchRecalled e => Recalled(batch, recorded, e),
            BatchHeld e => Hold(batch, recorded, e, "non_sellable_other", "placed", e.Reason),
            HoldLifted e => Hold(batch, recorded, e, "active", "lifted", e.Reason),
            ErrorDeclared => null,
            _ => Other(batch, recorded),
        };

        private JsonObject Created(BatchRef batch, RecordedEvent recorded, BatchCreated e)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "ADD";
            o["bizStep"] = "commissioning";
            o["disposition"] = "active";
            o["quantityList"] = new JsonArray(Quantity(batch, e.Quantity));
            Places(o, e.Location, e.Location);
            var ilmd = new JsonObject { [EpcisVocabulary.Term("producer")] = EpcisIdentifier.PartyUri(e.Producer) };
            if (e.ChainId is { } chain)
            {
                ilmd[EpcisVocabulary.Term("chainId")] = chain;
            }

            o["ilmd"] = ilmd;
            return Ours(o, batch, recorded);
        }

        private JsonObject Checkpoint(BatchRef batch, RecordedEvent recorded, CheckpointRecorded e)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = e.BizStep;
            if (e.Results.Any(r => r.Limit is not null))
            {
                o["disposition"] = e.Verdict == Verdict.Pass ? "conformant" : "non_conformant";
            }

            o["quantityList"] = new JsonArray(Quantity(batch, null));
            Places(o, e.Location, e.Location);
            Sensors(o, e.Results, e.EventTime);
            if (e.Certificate is { } certificate)
            {
                o["certificationInfo"] = CertificateUri(certificate);
                o[EpcisVocabulary.Term("certificateReference")] = certificate.Reference;
                if (certificate.Issuer is { } issuer)
                {
                    o[EpcisVocabulary.Term("certificateIssuer")] = EpcisIdentifier.PartyUri(issuer);
                }
            }

            o[EpcisVocabulary.Term("kind")] = e.Kind switch
            {
                CheckpointKind.FoodSafety => "food_safety",
                CheckpointKind.Environmental => "environmental",
                _ => "production",
            };
            o[EpcisVocabulary.Term("step")] = e.Step;
            o[EpcisVocabulary.Term("verdict")] = e.Verdict == Verdict.Pass ? "pass" : "fail";
            return Ours(o, batch, recorded);
        }

        private JsonObject Shipped(BatchRef batch, RecordedEvent recorded, BatchShipped e)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = "shipping";
            o["disposition"] = "in_transit";
            o["quantityList"] = new JsonArray(Quantity(batch, e.Quantity));
            Places(o, e.Location, null);
            o["sourceList"] = new JsonArray(Source("possessing_party", EpcisIdentifier.PartyUri(e.Actor)), Source("location", EpcisIdentifier.LocationUri(e.Location)));
            o["destinationList"] = new JsonArray(Destination("possessing_party", EpcisIdentifier.PartyUri(e.Receiver)));
            return Ours(o, batch, recorded);
        }

        private JsonObject Received(BatchRef batch, RecordedEvent recorded, BatchReceived e)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = "receiving";
            o["disposition"] = "in_progress";
            o["quantityList"] = new JsonArray(Quantity(batch, e.Received));
            Places(o, e.Location, e.Location);
            o["sourceList"] = new JsonArray(Source("possessing_party", EpcisIdentifier.PartyUri(e.Shipper)));
            o["destinationList"] = new JsonArray(Destination("possessing_party", EpcisIdentifier.PartyUri(e.Actor)), Destination("location", EpcisIdentifier.LocationUri(e.Location)));
            Sensors(o, e.Results, e.EventTime);
            if (e.Condition.Length > 0)
            {
                o[EpcisVocabulary.Term("condition")] = e.Condition;
            }

            if (e.Loss.Value != 0)
            {
                o[EpcisVocabulary.Term("lossQuantity")] = e.Loss.Value;
            }

            if (e.Results.Count > 0 || e.MissingReadings.Count > 0)
            {
                o[EpcisVocabulary.Term("verdict")] = e.Verdict == Verdict.Pass && e.MissingReadings.Count == 0 ? "pass" : "fail";
            }

            if (e.MissingReadings.Count > 0)
            {
                o[EpcisVocabulary.Term("missingReadings")] = new JsonArray(e.MissingReadings.Select(m => (JsonNode?)m).ToArray());
            }

            return Ours(o, batch, recorded);
        }

        private JsonObject Rejected(BatchRef batch, RecordedEvent recorded, ShipmentRejected e)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = "receiving";
            o["disposition"] = "returned";
            o["quantityList"] = new JsonArray(Quantity(batch, null));
            Places(o, e.Location, null);
            o["sourceList"] = new JsonArray(Source("possessing_party", EpcisIdentifier.PartyUri(e.Shipper)));
            o["destinationList"] = new JsonArray(Destination("possessing_party", EpcisIdentifier.PartyUri(e.Actor)));
            o[EpcisVocabulary.Term("reason")] = e.Reason;
            return Ours(o, batch, recorded);
        }

        private JsonObject Recalled(BatchRef batch, RecordedEvent recorded, BatchRecalled e)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = e.BizStep;
            o["disposition"] = "recalled";
            o["quantityList"] = new JsonArray(Quantity(batch, null));
            Places(o, e.Location, null);
            o[EpcisVocabulary.Term("recallId")] = e.RecallId;
            o[EpcisVocabulary.Term("recallRoot")] = EpcisIdentifier.LotUri(e.Root);
            o[EpcisVocabulary.Term("reason")] = e.Reason;
            return Ours(o, batch, recorded);
        }

        // A hold and its lifting are both steps of holding; the disposition says whether the batch may be sold or moved.
        private JsonObject Hold(BatchRef batch, RecordedEvent recorded, BatchEvent e, string disposition, string hold, string reason)
        {
            var o = Common("ObjectEvent", batch, recorded);
            o["action"] = "OBSERVE";
            o["bizStep"] = e.BizStep;
            o["disposition"] = disposition;
            o["quantityList"] = new JsonArray(Quantity(batch, null));
            Places(o, e.Location, e.Location);
            o[EpcisVocabulary.Term("hold")] = hold;
            o[EpcisVocabulary.Term("auditor")] = EpcisIdentifier.PartyUri(e.Actor);
            o[EpcisVocabulary.Term("reason")] = reason;
            return Ours(o, batch, recorded);
        }

        // CBV has no "transforming": the outputs are new lots, so the step is commissioning, as in the standard's own examples.
        private JsonObject Transformation(BatchRef batch, RecordedEvent recorded, BatchEvent e, string kind, IReadOnlyList<BatchPart> inputs, IReadOnlyList<BatchPart>? outputs, BatchRef? output = null)
        {
            var o = Common("TransformationEvent", batch, recorded);
            o["inputQuantityList"] = new JsonArray(inputs.Select(i => (JsonNode?)Quantity(i.Batch, i.Quantity)).ToArray());
            o["outputQuantityList"] = outputs is null
                ? new JsonArray(Quantity(output!, null))
                : new JsonArray(outputs.Select(p => (JsonNode?)Quantity(p.Batch, p.Quantity)).ToArray());
            o["bizStep"] = "commissioning";
            o["disposition"] = "active";
            Places(o, e.Location, e.Location);
            o[EpcisVocabulary.Term("transformation")] = kind;
            return Ours(o, batch, recorded);
        }

        /// <summary>
        /// The one TransformationEvent of a transformation, from its first output's creation when the document holds it
        /// (<paramref name="createdId"/>: the event id of the creation being written, null for an input's event), else
        /// from the first of its events; null for its other events.
        /// </summary>
        private JsonObject? Transformed(BatchRef batch, RecordedEvent recorded, string transformationId, string? createdId)
        {
            var transformation = _transformations[transformationId];
            var writes = transformation.FirstOutputHere ? createdId == transformation.Id : !_writtenTransformations.Contains(transformationId);
            if (!writes || !_writtenTransformations.Add(transformationId))
            {
                return null;
            }

            return Transformation(batch, recorded, recorded.Event, "transform", transformation.Inputs, transformation.Outputs);
        }

        private TransformationSeen TransformationOf(string id)
        {
            if (!_transformations.TryGetValue(id, out var transformation))
            {
                transformation = new TransformationSeen(id);
                _transformations[id] = transformation;
            }

            return transformation;
        }
    }
}
