using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.HashId;
using SupplyChain.Domain.Epcis.Query;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Application.Epcis;

/// <summary>
/// SimpleEventQuery over the repository: reads the one index the domain's plan chooses, in record-time order below
/// the horizon, keeps the rows the caller may read and the matcher accepts, and pages with signed tokens.
/// </summary>
public sealed class EpcisEvents(IGrainFactory grains, TimeProvider clock)
{
    public const int DefaultPage = 1_000;
    public const int MaxPage = 10_000;

    private const string LotParameter = "MATCH_anyEPCClass";

    private static readonly JsonLdPrefixes Prefixes = JsonLdPrefixes.Standard.With(JsonSerializer.SerializeToElement(Context()));

    private byte[]? _key;

    /// <summary>One page of the events that match, in record-time order (orderBy sorts within the page).</summary>
    public async Task<EventPage> QueryAsync(Caller caller, EventQuery query, CancellationToken ct)
    {
        var repository = grains.GetGrain<IEpcisRepositoryGrain>(0);
        var key = _key ??= await grains.GetGrain<IPageKeyGrain>(0).GetAsync();
        var position = query.NextPageToken is { } token ? PageToken.Read(token, query, key) : null;
        var horizon = position?.Horizon ?? await repository.HorizonAsync();
        var read = IndexPlan.For(query, horizon) ?? throw new QueryTooComplexException(
            "the query names nothing an index serves (an identifier in MATCH_*, EQ_bizStep, EQ_disposition, EQ_readPoint, EQ_bizLocation, "
            + $"eventType, GE_recordTime within {IndexPlan.MaxRecordDays} days or GE_eventTime within {IndexPlan.MaxEventDays} days)");
        var readable = new Readable(caller, grains);
        foreach (var lot in read.Lots.Where(_ => !Rulebook.ReadsAll(caller)))
        {
            await Readers.CheckBatchAsync(caller, grains, BatchOf(lot, "MATCH_anyEPCClass"));
        }

        // The lot's partition is the lot's log: it holds events that moved the lot under another name (a serial kept as a lot of one).
        var matching = read.Lots.Count > 0 && query.Patterns.TryGetValue(LotParameter, out var lotPatterns) && lotPatterns.All(p => p.Exact is not null && p.Below is null)
            ? query with { Patterns = query.Patterns.Where(p => p.Key != LotParameter).ToDictionary(p => p.Key, p => p.Value) }
            : query;
        var limit = Math.Min(query.EventCountLimit ?? int.MaxValue, Math.Min(query.PerPage ?? DefaultPage, MaxPage));
        var kept = new List<(JsonObject Event, IndexRow Row)>();
        var more = false;
        if (read.EventIds.Count > 0)
        {
            foreach (var row in (await repository.FindAsync(read.EventIds)).OrderBy(r => r.RecordTime))
            {
                if (Materialise(row) is var e && matching.Matches(Element(e)) && await readable.MayReadAsync(row, e) && kept.Count < limit)
                {
                    kept.Add((e, row));
                }
            }
        }
        else
        {
            var after = position is not null ? IndexPartition.RowKey(position.RecordTime, position.EventId)
                : query.GeRecordTime is { } ge ? IndexPartition.RowKey(ge.AddTicks(-1), "~") : "";
            var before = IndexPartition.RowKey(query.LtRecordTime is { } lt && lt < horizon ? lt : horizon, "");
            if (read.Lots.Count > 0)
            {
                var rows = await LotRowsAsync(repository, read, after, before, ct);
                for (var i = 0; i < rows.Count && kept.Count < limit; i++)
                {
                    var e = Materialise(rows[i]);
                    if (matching.Matches(Element(e)) && await readable.MayReadAsync(rows[i], e))
                    {
                        kept.Add((e, rows[i]));
                        more = kept.Count == limit && i < rows.Count - 1;
                    }
                }
            }

            while (read.Lots.Count == 0 && kept.Count < limit)
            {
                ct.ThrowIfCancellationRequested();
                var asked = Math.Clamp((limit - kept.Count) * 2, 100, 1_000);
                var rows = await repository.ReadAsync(read, after, before, asked);
                foreach (var row in rows)
                {
                    after = IndexPartition.RowKey(row.RecordTime, row.Key);
                    var e = Materialise(row);
                    if (matching.Matches(Element(e)) && await readable.MayReadAsync(row, e))
                    {
                        kept.Add((e, row));
                        if (kept.Count == limit)
                        {
                            break;
                        }
                    }
                }

                if (rows.Count < asked)
                {
                    break;
                }
            }

            more = read.Lots.Count > 0 ? more && limit < (query.EventCountLimit ?? int.MaxValue) : kept.Count == limit && limit < (query.EventCountLimit ?? int.MaxValue);
        }

        var next = more ? PageToken.Write(new PagePosition(kept[^1].Row.RecordTime, kept[^1].Row.Key, horizon), query, key) : null;
        return new EventPage(Ordered(kept.Select(k => k.Event), query.OrderBy).ToList(), next, horizon);
    }

    /// <summary>
    /// A lot's events in the window, in row-key order: its partition (the events captured about it) merged with its
    /// batch's own log (the events recorded through gRPC), each event once. A lot's history is short, so it is read whole.
    /// </summary>
    private async Task<IReadOnlyList<IndexRow>> LotRowsAsync(IEpcisRepositoryGrain repository, IndexRead read, string after, string before, CancellationToken ct)
    {
        var rows = new SortedDictionary<string, IndexRow>(StringComparer.Ordinal);
        foreach (var batch in read.Lots.Select(l => BatchOf(l, LotParameter)).Distinct())
        {
            if (await grains.GetGrain<Abstractions.Batches.IBatchGrain>(batch.Key).GetAsync() is not { } state)
            {
                continue;
            }

            foreach (var recorded in await grains.GetGrain<Abstractions.Batches.IBatchAuditGrain>(batch.Key).ReadEventsAsync(state.Version))
            {
                foreach (var e in BatchEvents.Of(batch, recorded))
                {
                    var key = IndexPartition.RowKey(recorded.RecordedAt, e.Key);
                    if (string.CompareOrdinal(key, after) > 0 && string.CompareOrdinal(key, before) < 0)
                    {
                        rows.TryAdd(key, new IndexRow(e.Key, recorded.RecordedAt, e.EventId, e.Json, e.Owner, null));
                    }
                }
            }
        }

        var cursor = after;
        for (var page = 0; page < 100; page++)
        {
            ct.ThrowIfCancellationRequested();
            var read1000 = await repository.ReadAsync(read with { Lots = [] }, cursor, before, 1_000);
            foreach (var row in read1000)
            {
                cursor = IndexPartition.RowKey(row.RecordTime, row.Key);
                rows[cursor] = row;
            }

            if (read1000.Count < 1_000)
            {
                break;
            }
        }

        return rows.Values.ToList();
    }

    /// <summary>One stored event by its id, or null when none is stored (or the caller may not read it).</summary>
    public async Task<JsonObject?> FindAsync(Caller caller, string eventId)
    {
        var readable = new Readable(caller, grains);
        foreach (var row in await grains.GetGrain<IEpcisRepositoryGrain>(0).FindAsync([eventId]))
        {
            var e = Materialise(row);
            if (await readable.MayReadAsync(row, e))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The EPCISQueryDocument of a page.</summary>
    public JsonObject Document(EventPage page) => new()
    {
        ["@context"] = Context(),
        ["type"] = "EPCISQueryDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = EpcisExport.Time(clock.GetUtcNow(), TimeSpan.Zero),
        ["epcisBody"] = new JsonObject
        {
            ["queryResults"] = new JsonObject
            {
                ["queryName"] = "SimpleEventQuery",
                ["resultsBody"] = new JsonObject { ["eventList"] = new JsonArray(page.Events.Select(e => (JsonNode?)e).ToArray()) },
            },
        },
    };

    /// <summary>The event as captured, with the record time the repository gave it and the error declaration made since.</summary>
    private static JsonObject Materialise(IndexRow row)
    {
        var e = JsonNode.Parse(row.Json)!.AsObject();
        e["recordTime"] = row.RecordTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        if (row.Declaration is { } declaration)
        {
            e["errorDeclaration"] = JsonNode.Parse(declaration);
        }

        if (e["eventID"] is null)
        {
            e["eventID"] = row.EventId;
        }

        return e;
    }

    private static JsonElement Element(JsonObject e) => JsonSerializer.SerializeToElement(e);

    private static IEnumerable<JsonObject> Ordered(IEnumerable<JsonObject> events, EventOrder? order)
    {
        if (order is null)
        {
            return events;
        }

        var field = order.Field == EventOrderField.EventTime ? "eventTime" : "recordTime";
        DateTimeOffset Time(JsonObject e) => e[field]?.GetValue<string>() is { } text && CanonicalValue.Instant(text) is { } t ? t : DateTimeOffset.MinValue;
        return order.Ascending ? events.OrderBy(Time) : events.OrderByDescending(Time);
    }

    private static JsonArray Context() => new(EpcisVocabulary.ContextUrl, new JsonObject { [EpcisVocabulary.Prefix] = EpcisVocabulary.Namespace });

    private static BatchRef BatchOf(string canonicalLot, string field)
    {
        var at = canonicalLot.IndexOf("/01/", StringComparison.Ordinal);
        return BatchRef.Parse(canonicalLot.Substring(at + 4, 14), Uri.UnescapeDataString(canonicalLot[(at + 22)..]), field + ".");
    }

    /// <summary>Who may read a row: auditors every row, a participant the events it captured and those naming a lot it may read.</summary>
    private sealed class Readable(Caller caller, IGrainFactory grains)
    {
        private readonly Dictionary<string, bool> _lots = new(StringComparer.Ordinal);

        public async Task<bool> MayReadAsync(IndexRow row, JsonObject e)
        {
            if (Rulebook.ReadsAll(caller) || (caller.Gln is { } gln && row.Owner == gln.Value))
            {
                return true;
            }

            var element = Element(e);
            var prefixes = element.TryGetProperty("@context", out var own) ? Prefixes.With(own) : Prefixes;
            foreach (var lot in RepositoryEvents.Lots(element, prefixes))
            {
                if (!_lots.TryGetValue(lot, out var may))
                {
                    try
                    {
                        await Readers.CheckBatchAsync(caller, grains, BatchOf(lot, "lot"));
                        may = true;
                    }
                    catch (DomainException)
                    {
                        may = false;
                    }

                    _lots[lot] = may;
                }

                if (may)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
