using System.Collections.Concurrent;
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

    // Lots whose events are kept in memory; past this many, all are dropped and read again as asked.
    private const int LotsKept = 2_000;

    private readonly ConcurrentDictionary<string, LotEvents> _lots = new(StringComparer.Ordinal);
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
                if (Materialise(row) is var e && Wanted(matching, e) && await readable.MayReadAsync(row, e) && kept.Count < limit)
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
                    if (Wanted(matching, e) && await readable.MayReadAsync(rows[i], e))
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
                    if (Wanted(matching, e) && await readable.MayReadAsync(row, e))
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
    /// batch's own log (the events recorded through gRPC), each event once. A lot's history is short, so it is read
    /// whole, and kept while the batch's stamp says it is unchanged.
    /// </summary>
    private async Task<IReadOnlyList<IndexRow>> LotRowsAsync(IEpcisRepositoryGrain repository, IndexRead read, string after, string before, CancellationToken ct)
    {
        var rows = new SortedDictionary<string, IndexRow>(StringComparer.Ordinal);
        var lots = read.Lots.Distinct().ToList();
        var kept = await Task.WhenAll(lots.Select(lot => LotEventsAsync(repository, BatchOf(lot, LotParameter), IndexPartition.Object(lot), ct)));
        foreach (var events in kept.OfType<IReadOnlyList<IndexRow>>())
        {
            foreach (var row in events)
            {
                var key = IndexPartition.RowKey(row.RecordTime, row.Key);
                if (string.CompareOrdinal(key, after) > 0 && string.CompareOrdinal(key, before) < 0)
                {
                    rows[key] = row;
                }
            }
        }

        // Identifiers that are no stored batch's lot (another value of the parameter, or a lot only captured events name).
        var stored = lots.Where((_, i) => kept[i] is not null).Select(IndexPartition.Object).ToHashSet(StringComparer.Ordinal);
        var direct = read.Partitions.Where(p => !stored.Contains(p)).ToList();
        if (direct.Count > 0)
        {
            foreach (var row in await PartitionRowsAsync(repository, direct, after, before, ct))
            {
                rows[IndexPartition.RowKey(row.RecordTime, row.Key)] = row;
            }
        }

        return rows.Values.ToList();
    }

    /// <summary>Every event of a stored batch's lot (its log, then what was captured about it), or null when no batch has the lot.</summary>
    private async Task<IReadOnlyList<IndexRow>?> LotEventsAsync(IEpcisRepositoryGrain repository, BatchRef batch, string partition, CancellationToken ct)
    {
        var grain = grains.GetGrain<Abstractions.Batches.IBatchGrain>(batch.Key);
        if (await grain.GetEventStampAsync() is not { } stamp)
        {
            return null;
        }

        if (_lots.TryGetValue(batch.Key, out var kept) && kept.Stamp == stamp)
        {
            return kept.Rows;
        }

        var version = long.Parse(stamp[(stamp.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        var rows = new SortedDictionary<string, IndexRow>(StringComparer.Ordinal);
        foreach (var recorded in await grains.GetGrain<Abstractions.Batches.IBatchAuditGrain>(batch.Key).ReadEventsAsync(version))
        {
            foreach (var e in BatchEvents.Of(batch, recorded))
            {
                rows.TryAdd(IndexPartition.RowKey(recorded.RecordedAt, e.Key), new IndexRow(e.Key, recorded.RecordedAt, e.EventId, e.Json, e.Owner, null));
            }
        }

        // A captured event is returned as captured, over the batch event it was imported as (both have its key).
        foreach (var row in await PartitionRowsAsync(repository, [partition], "", "~", ct))
        {
            rows[IndexPartition.RowKey(row.RecordTime, row.Key)] = row;
        }

        if (_lots.Count >= LotsKept)
        {
            _lots.Clear();
        }

        var events = rows.Values.ToList();
        _lots[batch.Key] = new LotEvents(stamp, events);
        return events;
    }

    private static async Task<IReadOnlyList<IndexRow>> PartitionRowsAsync(IEpcisRepositoryGrain repository, IReadOnlyList<string> partitions, string after, string before, CancellationToken ct)
    {
        var rows = new List<IndexRow>();
        var cursor = after;
        for (var page = 0; page < 100; page++)
        {
            ct.ThrowIfCancellationRequested();
            var read1000 = await repository.ReadAsync(new IndexRead([], partitions, false, [], []), cursor, before, 1_000);
            rows.AddRange(read1000);
            if (read1000.Count < 1_000)
            {
                break;
            }

            cursor = IndexPartition.RowKey(read1000[^1].RecordTime, read1000[^1].Key);
        }

        return rows;
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

    private static bool Wanted(EventQuery query, JsonObject e) => query.OnlyRecordTime || query.Matches(Element(e));

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

    private sealed record LotEvents(string Stamp, IReadOnlyList<IndexRow> Rows);

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
