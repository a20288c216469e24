using System.Globalization;
using System.Text;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// The sortable spreadsheet of key data elements that US FSMA 204 asks for: one RFC 4180 CSV row per stored event of
/// each lot (every event, so versions have no gaps and each row's hash can be checked), sorted by date, then lot code,
/// then version, optionally limited to events from <c>from</c> (inclusive) to <c>to</c> (exclusive).
/// </summary>
public static class TraceabilityCsv
{
    /// <summary>The header row, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns = new List<string>
    {
        "traceability_lot_code", "product_description", "quantity", "unit", "location_gln", "date", "event_type", "detail",
        "ship_from_gln", "ship_to_gln", "related_lot_codes", "reference_document_type", "reference_document",
        "event_id", "version", "hash",
    };

    /// <summary>The spreadsheet as CSV text: a header row, then the records, lines ended by CRLF.</summary>
    public static string Write(
        IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> batches,
        IReadOnlyDictionary<Gtin, string>? productNames = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        TimeSpan? timeZoneOffset = null)
    {
        var offset = timeZoneOffset ?? EpcisExport.VietnamOffset;
        var text = new StringBuilder();
        Line(text, Columns);
        foreach (var record in Records(batches, productNames, from, to))
        {
            Line(text, Fields(record, offset));
        }

        return text.ToString();
    }

    /// <summary>The rows, sorted by date, lot code and version, within [from, to) when given.</summary>
    public static IReadOnlyList<TraceabilityRecord> Records(
        IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> batches,
        IReadOnlyDictionary<Gtin, string>? productNames = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        if (from is { } start && to is { } end && end < start)
        {
            throw DomainException.Invalid("to", $"{end:O} is before from {start:O}");
        }

        return batches.DistinctBy(b => b.Batch)
            .SelectMany(b => b.Events.Select(recorded => Record(b.Batch, recorded, productNames?.GetValueOrDefault(b.Batch.Gtin) ?? "")))
            .Where(r => (from is null || r.Date >= from) && (to is null || r.Date < to))
            .OrderBy(r => WholeSeconds(r.Date))
            .ThenBy(r => r.TraceabilityLotCode, StringComparer.Ordinal)
            .ThenBy(r => r.Version)
            .ToList();
    }

    /// <summary>One field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // Rows sort on the date as written (to the second), so a spreadsheet's own sort by date, lot and version agrees.
    private static long WholeSeconds(DateTimeOffset date) => date.UtcTicks - (date.UtcTicks % TimeSpan.TicksPerSecond);

    private static TraceabilityRecord Record(BatchRef batch, RecordedEvent recorded, string product)
    {
        var e = recorded.Event;
        var row = new TraceabilityRecord(
            batch, product, null, e.Location, e.EventTime, "", "", null, null, new List<BatchRef>(), "event", e.EventId, e.EventId, recorded.Version, recorded.Hash);
        return e switch
        {
            BatchCreated { Origin: Origin.Produced } c => row with { Quantity = c.Quantity, EventType = "created", Detail = $"produced by {c.Producer}" },
            BatchCreated c => row with
            {
                Quantity = c.Quantity,
                EventType = "transformation",
                Detail = c.Origin switch
                {
                    Origin.Split => "split from",
                    Origin.Transformed => "transformed from",
                    _ => "merged from",
                },
                RelatedLots = c.Inputs.Select(i => i.Batch).ToList(),
            },
            CheckpointRecorded c => row with
            {
                EventType = "checkpoint",
                Detail = Checkpoint(c),
                ReferenceDocumentType = c.Certificate is null ? "event" : "certificate",
                ReferenceDocument = c.Certificate?.Reference ?? e.EventId,
            },
            BatchShipped s => row with { Quantity = s.Quantity, EventType = "shipping", ShipFrom = s.Actor, ShipTo = s.Receiver },
            BatchReceived r => row with
            {
                Quantity = r.Received,
                EventType = "receiving",
                Detail = Received(r),
                ShipFrom = r.Shipper,
                ShipTo = r.Actor,
            },
            ShipmentRejected r => row with { EventType = "shipment_rejected", Detail = r.Reason, ShipFrom = r.Shipper, ShipTo = r.Actor },
            BatchSplit s => row with
            {
                Quantity = s.Children.Skip(1).Aggregate(s.Children[0].Quantity, (sum, c) => sum.Add(c.Quantity)),
                EventType = "transformation",
                Detail = $"split into {s.Children.Count} lots; {s.Remaining} remains",
                RelatedLots = s.Children.Select(c => c.Batch).ToList(),
            },
            BatchMerged m => row with { Quantity = m.Quantity, EventType = "transformation", Detail = "merged into", RelatedLots = new List<BatchRef> { m.Into } },
            MergeReverted m => row with
            {
                Quantity = m.Quantity,
                EventType = "merge_reverted",
                Detail = m.Reason,
                RelatedLots = new List<BatchRef> { m.Into },
            },
            BatchTransformed t => row with
            {
                Quantity = t.Used,
                EventType = "transformation",
                Detail = $"transformed into {t.Outputs.Count} lots; {t.Remaining} remains",
                RelatedLots = t.Outputs.Select(o => o.Batch).ToList(),
            },
            TransformReverted t => row with
            {
                Quantity = t.Quantity,
                EventType = "transformation_reverted",
                Detail = t.Reason,
                RelatedLots = t.Outputs.Select(o => o.Batch).ToList(),
            },
            BatchRecalled r => row with
            {
                EventType = "recall",
                Detail = r.Root == batch ? r.Reason : $"{r.Reason} (downstream of {TraceabilityRecord.LotCode(r.Root)})",
                RelatedLots = r.Root == batch ? new List<BatchRef>() : new List<BatchRef> { r.Root },
                ReferenceDocumentType = "recall",
                ReferenceDocument = r.RecallId,
            },
            BatchHeld h => row with { EventType = "hold_placed", Detail = $"by auditor {h.Actor}: {h.Reason}" },
            HoldLifted h => row with { EventType = "hold_lifted", Detail = $"by auditor {h.Actor}: {h.Reason}" },
            ErrorDeclared d => row with { EventType = "error_declared", Detail = $"event {d.DeclaredEventId} (version {d.DeclaredVersion}) declared in error by {d.Actor}: {d.Reason}" },
            _ => row with { EventType = e.BizStep },
        };
    }

    private static string Checkpoint(CheckpointRecorded c)
    {
        var kind = c.Kind == CheckpointKind.FoodSafety ? "food_safety" : c.Kind.ToString().ToLowerInvariant();
        var readings = string.Join("; ", c.Results.Select(r => r.Measurement).Distinct().Select(m => m.ToString()));
        return $"{kind} {c.Step}: {(c.Verdict == Verdict.Pass ? "pass" : "fail")}" + (readings.Length > 0 ? $" ({readings})" : "");
    }

    private static string Received(BatchReceived r)
    {
        var parts = new List<string> { $"shipped {r.Shipped}" };
        if (r.Loss.Value != 0)
        {
            parts.Add($"loss {r.Loss}");
        }

        if (r.Condition.Length > 0)
        {
            parts.Add(r.Condition);
        }

        return string.Join("; ", parts);
    }

    private static IEnumerable<string> Fields(TraceabilityRecord r, TimeSpan offset) => new[]
    {
        r.TraceabilityLotCode,
        r.ProductDescription,
        r.Quantity?.Value.ToString(CultureInfo.InvariantCulture) ?? "",
        r.Quantity?.Unit ?? "",
        r.Location.Value,
        r.Date.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        r.EventType,
        r.Detail,
        r.ShipFrom?.Value ?? "",
        r.ShipTo?.Value ?? "",
        string.Join(";", r.RelatedLots.Select(TraceabilityRecord.LotCode)),
        r.ReferenceDocumentType,
        r.ReferenceDocument,
        r.EventId,
        r.Version.ToString(CultureInfo.InvariantCulture),
        r.Hash,
    };

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(",", fields.Select(Field))).Append("\r\n");
}
