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
            while (kept.Count < limit)
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

            more = kept.Count == limit && limit < (query.EventCountLimit ?? int.MaxValue);
        }

        var next = more ? PageToken.Write(new PagePosition(kept[^1].Row.RecordTime, kept[^1].Row.Key, horizon), query, key) : null;
        return new EventPage(Ordered(kept.Select(k => k.Event), query.OrderBy).ToList(), next);
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
