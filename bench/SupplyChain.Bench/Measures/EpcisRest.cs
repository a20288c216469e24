using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;
using SupplyChain.Cli.Auth;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Rows 9-9c: the EPCIS 2.0 REST binding with 8 clients, as a partner's system uses it: one event per POST /events, and
/// documents of 100 events per POST /capture, each against raw storage beside it; then a lot's events by query.
/// </summary>
public static class EpcisRest
{
    private const int Clients = 8;
    private const int DocumentEvents = 100;
    // The service's extension namespace (EpcisVocabulary.Namespace in the domain).
    private const string Namespace = "https://supplychain.example/epcis/";

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var batches = await Producers.RegisterAsync(ctx.Host, o.Quick ? 100 : 400, Capture.BatchesPerProducer);
        var created = await ctx.LoadAsync(batches.Lots.Count, Clients, batches.CreateAsync);
        if (created.Failed > 0)
        {
            throw new InvalidOperationException($"could not create the batches: {created.Problem}");
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri($"http://127.0.0.1:{ctx.Host.Server.HttpPort}") };
        var tokens = Enumerable.Range(0, batches.Count).Select(p => DevTokens.Mint(ctx.Host.Server.Key, batches.Of(p).Gln, ["producer"], TimeSpan.FromHours(2))).ToList();
        Task Post(string path, int i, string body) => PostAsync(http, path, tokens[i % batches.Lots.Count % batches.Count], body, ctx.Cancellation);

        await ctx.WarmUpAsync("POST /events", i => Post("/epcis/events", i, Event(batches, i)), Clients);
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var log = new TableServiceClient(ctx.Host.Azurite.ConnectionString).GetTableClient(StoredRows.LogTable);
        var events = o.Quick ? 2_000 : 10_000;
        var beside = new List<LoadResult>();
        var single = await ctx.RunsAsync("POST /events", async run =>
        {
            beside.Add(await ctx.LoadAsync(o.RawInserts / 2, Clients, i => log.AddEntityAsync(StoredRows.Copy(rows.Event, $"benchrest-{run}-{i % 1_000:D4}", $"e{i:D12}"))));
            return await ctx.LoadAsync(events, Clients, i => Post("/epcis/events", i, Event(batches, i)));
        });
        var ratio = Stats.Median(single.Select((r, i) => beside[i].Rate > 0 ? r.Rate / beside[i].Rate : double.NaN));
        ctx.Rows.Add(new Row("9", $"EPCIS REST capture: POST /events, one production checkpoint per request, {Clients} clients, {batches.Lots.Count} batches",
            $"{Text.Rate(Stats.Median(single.Select(r => r.Rate)))} = {Text.Ratio(ratio)} raw beside it ({Text.Rate(Stats.Median(beside.Select(b => b.Rate)))})",
            BenchContext.Latency(single), ">= 1.0 x raw", Text.Met(ratio >= 1.0),
            $"{events:N0} events per run, each answered 201 once stored; raw beside it: single-entity inserts into the log table at the same concurrency just before each run" + BenchContext.Problems(single)));
        ctx.AddCpu("9 POST /events", single);

        var groups = new TableServiceClient(ctx.Host.Azurite.ConnectionString).GetTableClient("benchrestgroup");
        await groups.CreateIfNotExistsAsync(ctx.Cancellation);
        ctx.ScratchTables.Add(groups);
        var documents = o.Quick ? 20 : 100;
        var ceiling = new List<LoadResult>();
        var whole = await ctx.RunsAsync("POST /capture, 100 events", async run =>
        {
            ceiling.Add(await ctx.LoadAsync(documents, Clients, i => groups.SubmitTransactionAsync(Enumerable.Range(0, DocumentEvents).Select(k =>
                new TableTransactionAction(TableTransactionActionType.Add, StoredRows.Copy(rows.Event, $"r{run}-{i:D6}", $"e{k:D12}"))))));
            return await ctx.LoadAsync(documents, Clients, i => Post("/epcis/capture", i, Document(batches, run * documents + i)));
        });
        var captured = Stats.Median(whole.Select(r => r.Rate * DocumentEvents));
        var wholeRatio = Stats.Median(whole.Select((r, i) => ceiling[i].Rate > 0 ? r.Rate / ceiling[i].Rate : double.NaN));
        ctx.Rows.Add(new Row("9b", $"EPCIS REST capture: POST /capture of {DocumentEvents}-event documents, {Clients} clients, events/s",
            $"{Text.Rate(captured)} = {Text.Ratio(wholeRatio)} the 100-entity transactions beside it ({Text.Rate(Stats.Median(ceiling.Select(c => c.Rate * DocumentEvents)))})",
            BenchContext.Latency(whole), ">= 0.8 x row 1c", Text.Met(wholeRatio >= 0.8),
            $"{documents} documents per run, each all or nothing, answered 202 once stored; each document's events go to the batches of one producer; " +
                "beside it: 100-entity transactions at the same concurrency just before each run, per document latency" + BenchContext.Problems(whole)));
        ctx.AddCpu("9b POST /capture (per event)", whole, DocumentEvents);

        // A lot with 8 events: created, then seven checkpoints; read as a partner would, by its class.
        var lot = batches.Lot(0);
        var producer = batches.Of(0);
        var query = $"/epcis/events?MATCH_anyEPCClass={Uri.EscapeDataString(Lot(producer.Gtin13, lot))}";
        var eight = Gs1Keys.Lot();
        await producer.CreateBatchAsync(eight);
        for (var k = 0; k < 7; k++)
        {
            await producer.RecordCheckpointAsync(eight);
        }

        query = $"/epcis/events?MATCH_anyEPCClass={Uri.EscapeDataString(Lot(producer.Gtin13, eight))}";
        await ctx.WarmUpAsync("GET /events by lot", _ => GetAsync(http, query, tokens[0], 8, ctx.Cancellation), 1);
        var reads = await ctx.RunsAsync("GET /events by lot", _ => ctx.LoadAsync(o.Quick ? 200 : 1_000, 1, _ => GetAsync(http, query, tokens[0], 8, ctx.Cancellation)));
        var p50 = Stats.Median(reads.Select(r => r.Percentile(50)));
        ctx.Rows.Add(new Row("9c", "EPCIS REST query: GET /events?MATCH_anyEPCClass=<lot> of a lot with 8 events, 1 client", Text.Ms(p50), BenchContext.Latency(reads),
            "< 5 ms", Text.Met(p50 < 5), "the lot's log read from its grain, the 8 events written as an EPCISQueryDocument; the caller is the lot's producer" + BenchContext.Problems(reads)));
        ctx.AddCpu("9c GET /events by lot", reads);

        // A 5-level genealogy of 61 lots traced back through the query alone, one level's lots asked side by side.
        var genealogy = await Genealogy.BuildAsync(producer, 1, ctx);
        var walk = () => TraceAsync(http, tokens[0], producer.Gtin13, genealogy.Group, genealogy.GroupBatches, ctx.Cancellation);
        await ctx.WarmUpAsync("trace through GET /events", _ => walk(), 1);
        var traces = await ctx.RunsAsync("trace through GET /events", _ => ctx.LoadAsync(o.Quick ? 10 : 40, 1, _ => walk()));
        var traceP50 = Stats.Median(traces.Select(r => r.Percentile(50)));
        ctx.Rows.Add(new Row("9d", $"EPCIS REST trace: {genealogy.GroupBatches} lots over 5 levels, back to the origins through GET /events level by level", Text.Ms(traceP50),
            BenchContext.Latency(traces), "< 50 ms", Text.Met(traceP50 < 50),
            "each level's lots queried side by side (MATCH_anyEPCClass); a lot's parents are the inputs of the TransformationEvents that output it" + BenchContext.Problems(traces)));
        ctx.AddCpu("9d trace through GET /events (per trace)", traces);

        // A partner synchronising: every event recorded since the benchmark began, 1,000 a page, following Link rel="next".
        var auditor = DevTokens.Mint(ctx.Host.Server.Key, producer.Gln, ["auditor"], TimeSpan.FromHours(2));
        var since = $"/epcis/events?GE_recordTime={Uri.EscapeDataString(started.ToString("O"))}&perPage=1000";
        var synced = 0;
        var pages = await ctx.RunsAsync("GE_recordTime paging", _ => ctx.LoadAsync(1, 1, async _ => synced = await SyncAsync(http, since, auditor, ctx.Cancellation)));
        var paged = Stats.Median(pages.Select(r => synced / r.Elapsed.TotalSeconds));
        ctx.Rows.Add(new Row("9e", $"EPCIS REST synchronisation: GE_recordTime paging over every event captured in this row ({synced:N0}), 1,000 a page, 1 client, events/s",
            Text.Rate(paged), BenchContext.Latency(pages), ">= 10,000/s over 100,000", Text.Met(paged >= 10_000 && synced >= 100_000),
            "each page read from the record-day index below the first page's horizon and written as an EPCISQueryDocument; every event once (checked)" + BenchContext.Problems(pages)));
        ctx.AddCpu("9e GE_recordTime paging (per sweep)", pages);
    }

    /// <summary>Reads every page of a query; fails when an event comes back twice. The number of events.</summary>
    private static async Task<int> SyncAsync(HttpClient http, string first, string token, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var next = first; next is not null;)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.SendAsync(request, ct);
            answer.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await answer.Content.ReadAsStreamAsync(ct));
            foreach (var e in document.RootElement.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList").EnumerateArray())
            {
                if (!seen.Add(e.GetProperty("eventID").GetString()!))
                {
                    throw new InvalidOperationException($"{e.GetProperty("eventID").GetString()} came back twice");
                }
            }

            next = answer.Headers.TryGetValues("Link", out var links) && links.First() is var link && link.StartsWith('<') ? link[1..link.IndexOf('>')] : null;
        }

        return seen.Count;
    }

    /// <summary>Walks from a lot to its origins through lot queries; fails unless every lot of the genealogy is reached.</summary>
    private static async Task TraceAsync(HttpClient http, string token, string gtin13, string root, int expected, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Lot(gtin13, root) };
        var level = new List<string> { Lot(gtin13, root) };
        while (level.Count > 0)
        {
            var parents = await Task.WhenAll(level.Select(lot => ParentsAsync(http, token, lot, ct)));
            level = parents.SelectMany(p => p).Where(seen.Add).ToList();
        }

        if (seen.Count != expected)
        {
            throw new InvalidOperationException($"the trace reached {seen.Count} lots, not {expected}");
        }
    }

    private static async Task<IEnumerable<string>> ParentsAsync(HttpClient http, string token, string lot, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/epcis/events?MATCH_anyEPCClass={Uri.EscapeDataString(lot)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, ct);
        answer.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStreamAsync(ct));
        var events = document.RootElement.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList");
        return events.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "TransformationEvent" && Classes(e, "outputQuantityList").Contains(lot))
            .SelectMany(e => Classes(e, "inputQuantityList"))
            .Where(c => c != lot)
            .ToList();
    }

    private static IEnumerable<string> Classes(JsonElement e, string list) =>
        e.TryGetProperty(list, out var quantities) ? quantities.EnumerateArray().Select(q => q.GetProperty("epcClass").GetString()!) : [];

    private static string Lot(string gtin13, string lot) => $"https://id.gs1.org/01/0{gtin13}/10/{Uri.EscapeDataString(lot)}";

    /// <summary>A production checkpoint of batch i as an ObjectEvent with the service's extension fields and two sensor readings.</summary>
    private static string Event(Producers batches, int i) => $$"""
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ours": "{{Namespace}}"}],
         "type": "ObjectEvent", "eventID": "urn:uuid:{{Guid.NewGuid()}}", "action": "OBSERVE", "bizStep": "inspecting",
         "eventTime": "{{DateTimeOffset.UtcNow.AddSeconds(-1):O}}", "eventTimeZoneOffset": "+07:00",
         "quantityList": [{"epcClass": "{{Lot(batches.Of(i).Gtin13, batches.Lot(i))}}"}],
         "sensorElementList": [{"sensorReport": [{"type": "ours:moisture", "value": 7.5, "uom": "P1"}, {"type": "ours:nacl", "value": 93.1, "uom": "P1"}]}],
         "ours:step": "drying", "ours:kind": "production"}
        """;

    /// <summary>100 checkpoints over the batches of the producer of batch i.</summary>
    private static string Document(Producers batches, int i)
    {
        var producer = batches.Of(i);
        var own = Enumerable.Range(0, batches.Lots.Count).Where(k => batches.Of(k) == producer).ToList();
        var body = string.Join(",", Enumerable.Range(0, DocumentEvents).Select(k => Event(batches, own[(i + k) % own.Count])));
        return $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ours": "{{{Namespace}}}"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{DateTimeOffset.UtcNow:O}}}", "epcisBody": {"eventList": [{{{body}}}]}}
            """;
    }

    private static async Task PostAsync(HttpClient http, string path, string token, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/ld+json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, ct);
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(ct)}");
        }
    }

    private static async Task GetAsync(HttpClient http, string path, string token, int expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await http.SendAsync(request, ct);
        var text = await answer.Content.ReadAsStringAsync(ct);
        var found = text.Split("\"eventID\"").Length - 1;
        if (!answer.IsSuccessStatusCode || found != expected)
        {
            throw new InvalidOperationException($"{path}: {(int)answer.StatusCode}, {found} events, expected {expected}");
        }
    }
}
