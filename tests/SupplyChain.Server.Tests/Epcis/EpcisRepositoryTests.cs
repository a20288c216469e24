using System.Net;
using System.Text.Json;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>
/// The EPCIS repository behind the REST door on the shared server: every event stored whole once, error declarations,
/// proceed, queries through the indexes (gRPC events included), and exact GE_recordTime paging while capture goes on.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisRepositoryTests(ServerFixture fixture)
{
    private const string Context = EpcisClient.Context;

    private ServerProcess Server => fixture.Server;

    private static string Document(params string[] events) => EpcisClient.Document(events);

    private static string Time => DateTimeOffset.UtcNow.AddSeconds(-30).ToString("O");

    private static string Sscc() => "urn:epc:id:sscc:0614141." + Random.Shared.NextInt64(1_000_000_000L, 9_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Aggregation(string parent, string lot, string? eventId = null) => $$"""
        {"type": "AggregationEvent", {{(eventId is null ? "" : $"\"eventID\": \"{eventId}\",")}} "action": "ADD", "bizStep": "packing", "disposition": "in_progress",
         "eventTime": "{{Time}}", "eventTimeZoneOffset": "+07:00", "parentID": "{{parent}}", "childEPCs": [],
         "childQuantityList": [{"epcClass": "{{lot}}", "quantity": 12.5, "uom": "KGM"}]}
        """;

    private static string Association(string eventId, string parent, string extra = "") => $$"""
        {"type": "AssociationEvent", "eventID": "{{eventId}}", "action": "ADD", "bizStep": "assembling",
         "eventTime": "{{Time}}", "eventTimeZoneOffset": "+07:00", "parentID": "{{parent}}", "childEPCs": ["urn:epc:id:giai:4000001.{{Random.Shared.Next(1, 1_000_000)}}"]{{extra}}}
        """;

    private static string NewId() => $"urn:uuid:{Guid.NewGuid()}";

    [Fact]
    public async Task An_aggregation_and_a_sensor_report_without_value_are_stored_whole_once_and_a_conflicting_id_is_409()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var (parent, sensorId) = (Sscc(), NewId());
        var sensors = Association(sensorId, Sscc(), """
            , "sensorElementList": [{"sensorMetadata": {"time": "2026-01-05T10:00:00Z"},
               "sensorReport": [{"type": "Temperature", "minValue": -19.25, "maxValue": -17.5, "meanValue": -18.125, "uom": "CEL"}]}]
            """);
        var document = Document(Aggregation(parent, EpcisClient.Lot(world.Gtin, lot)), sensors);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var accepted = await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(document));
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        }

        var byParent = await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events?MATCH_parentID=" + Uri.EscapeDataString(parent)));
        var aggregation = Assert.Single(byParent);
        var id = aggregation.GetProperty("eventID").GetString()!;
        Assert.StartsWith("ni:///sha-256;", id, StringComparison.Ordinal);
        Assert.Equal(12.5, aggregation.GetProperty("childQuantityList")[0].GetProperty("quantity").GetDouble());
        var found = Assert.Single(await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events/" + Uri.EscapeDataString(id))));
        Assert.Equal("AggregationEvent", found.GetProperty("type").GetString());
        var byLot = await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events?MATCH_anyEPCClass=" + Uri.EscapeDataString(EpcisClient.Lot(world.Gtin, lot))));
        Assert.Equal(["ObjectEvent", "AggregationEvent"], byLot.Select(e => e.GetProperty("type").GetString()));

        var report = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(sensorId))))
            .GetProperty("sensorElementList")[0].GetProperty("sensorReport")[0];
        Assert.Equal((-19.25, -17.5, -18.125, false), (report.GetProperty("minValue").GetDouble(), report.GetProperty("maxValue").GetDouble(), report.GetProperty("meanValue").GetDouble(), report.TryGetProperty("value", out _)));

        var (conflict, why) = await EpcisClient.ProblemAsync(await producer.PostAsync("/epcis/events", EpcisClient.JsonLd($"{{{Context}, {Association(sensorId, Sscc())[1..]}")), 409);
        Assert.Equal("epcisException:ResourceAlreadyExistsException", conflict);
        Assert.Contains(sensorId, why, StringComparison.Ordinal);
        var (missing, _) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/events/" + Uri.EscapeDataString(NewId())), 404);
        Assert.Equal("epcisException:NoSuchResourceException", missing);
    }

    [Fact]
    public async Task An_error_declaration_marks_the_stored_event_it_names()
    {
        var world = await new World(fixture).RegisterAsync();
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        var (id, parent) = (NewId(), Sscc());
        var original = Association(id, parent);
        using var first = await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(Document(original)));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        var declared = original.TrimEnd()[..^1] + $$$""", "errorDeclaration": {"declarationTime": "{{{DateTimeOffset.UtcNow:O}}}", "reason": "incorrect_data"}}""";
        using var second = await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(Document(declared)));
        Assert.True(second.StatusCode == HttpStatusCode.Accepted, await second.Content.ReadAsStringAsync());

        var e = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(id))));
        Assert.Equal("incorrect_data", e.GetProperty("errorDeclaration").GetProperty("reason").GetString());
        var byParent = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events?MATCH_parentID=" + Uri.EscapeDataString(parent))));
        Assert.Equal("incorrect_data", byParent.GetProperty("errorDeclaration").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_event_and_its_own_error_declaration_in_one_document_store_the_event_declared()
    {
        var world = await new World(fixture).RegisterAsync();
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        var pairs = Enumerable.Range(0, 4).Select(_ => (Id: NewId(), Parent: Sscc())).ToList();
        var originals = pairs.Select(p => Association(p.Id, p.Parent)).ToList();
        var declarations = originals.Select(o => o.TrimEnd()[..^1] + $$$""", "errorDeclaration": {"declarationTime": "{{{DateTimeOffset.UtcNow:O}}}", "reason": "did_not_occur"}}""");
        using var captured = await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(Document([.. originals, .. declarations])));
        Assert.True(captured.StatusCode == HttpStatusCode.Accepted, await captured.Content.ReadAsStringAsync());
        using var job = await producer.GetAsync(captured.Headers.Location!.OriginalString);
        Assert.True(JsonDocument.Parse(await job.Content.ReadAsStringAsync()).RootElement.GetProperty("success").GetBoolean());

        foreach (var (id, parent) in pairs)
        {
            var e = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(id))));
            Assert.Equal("did_not_occur", e.TryGetProperty("errorDeclaration", out var declared) ? declared.GetProperty("reason").GetString() : "no errorDeclaration");
            var byParent = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events?MATCH_parentID=" + Uri.EscapeDataString(parent))));
            Assert.True(byParent.TryGetProperty("errorDeclaration", out _), $"{id} is not declared in error when found by its parent");
        }
    }

    [Fact]
    public async Task A_lot_query_answered_from_memory_sees_every_later_capture_declaration_and_checkpoint()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        var byLot = "/epcis/events?MATCH_anyEPCClass=" + Uri.EscapeDataString(EpcisClient.Lot(world.Gtin, lot));
        Assert.Equal(["ObjectEvent"], (await EpcisClient.EventsAsync(await producer.GetAsync(byLot))).Select(e => e.GetProperty("type").GetString()));
        Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync(byLot)));

        // An aggregation names the lot without moving its batch: only the repository knows of it.
        var aggregation = Aggregation(Sscc(), EpcisClient.Lot(world.Gtin, lot), NewId());
        using (var created = await producer.PostAsync("/epcis/events", EpcisClient.JsonLd($"{{{Context}, {aggregation.Trim()[1..]}")))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        Assert.Equal(["ObjectEvent", "AggregationEvent"], (await EpcisClient.EventsAsync(await producer.GetAsync(byLot))).Select(e => e.GetProperty("type").GetString()));

        var declared = aggregation.TrimEnd()[..^1] + $$$""", "errorDeclaration": {"declarationTime": "{{{DateTimeOffset.UtcNow:O}}}", "reason": "incorrect_data"}}""";
        using (var declaration = await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(Document(declared))))
        {
            Assert.True(declaration.StatusCode == HttpStatusCode.Accepted, await declaration.Content.ReadAsStringAsync());
        }

        var after = await EpcisClient.EventsAsync(await producer.GetAsync(byLot));
        Assert.Equal("incorrect_data", after.Single(e => e.GetProperty("type").GetString() == "AggregationEvent").GetProperty("errorDeclaration").GetProperty("reason").GetString());

        await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 14, Unit = "P1" });
        Assert.Equal(3, (await EpcisClient.EventsAsync(await producer.GetAsync(byLot))).Count);
    }

    [Fact]
    public async Task Proceed_stores_the_good_events_and_names_the_refused_ones_in_the_job()
    {
        var world = await new World(fixture).RegisterAsync();
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        var (good, bad) = (NewId(), NewId());
        var noTime = Association(bad, Sscc()).Replace("\"eventTime\"", "\"eventTimeLost\"", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/epcis/capture") { Content = EpcisClient.JsonLd(Document(noTime, Association(good, Sscc()))) };
        request.Headers.Add("GS1-Capture-Error-Behaviour", "proceed");

        using var accepted = await producer.SendAsync(request);

        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        using var job = JsonDocument.Parse(await (await producer.GetAsync(accepted.Headers.Location!.OriginalString)).Content.ReadAsStringAsync());
        Assert.Equal((false, "proceed"), (job.RootElement.GetProperty("success").GetBoolean(), job.RootElement.GetProperty("captureErrorBehaviour").GetString()));
        Assert.Equal("/epcisBody/eventList/0/eventTime: is required", Assert.Single(job.RootElement.GetProperty("errors").EnumerateArray()).GetString());
        Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(good))));
        await EpcisClient.ProblemAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(bad)), 404);
    }

    [Fact]
    public async Task An_event_recorded_through_grpc_is_found_by_bizStep_and_by_its_id()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        var since = DateTimeOffset.UtcNow.AddSeconds(-5);
        await world.CreateBatchAsync(lot);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var lotLink = EpcisClient.Lot(world.Gtin, lot);

        var shipped = await EpcisClient.EventsAsync(await auditor.GetAsync($"/epcis/events?EQ_bizStep=shipping&GE_recordTime={Uri.EscapeDataString(since.ToString("O"))}"));

        var ours = Assert.Single(shipped, e => e.GetProperty("quantityList")[0].GetProperty("epcClass").GetString() == lotLink);
        var id = ours.GetProperty("eventID").GetString()!;
        var found = Assert.Single(await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events/" + Uri.EscapeDataString(id))));
        Assert.Equal("shipping", found.GetProperty("bizStep").GetString());
    }

    [Fact]
    public async Task Record_time_paging_misses_and_repeats_nothing_while_capture_goes_on_and_a_forged_token_is_400()
    {
        var world = await new World(fixture).RegisterAsync();
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var before = Enumerable.Range(0, 10).Select(_ => NewId()).ToList();
        using (var first = await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(Document(before.Select(id => Association(id, Sscc())).ToArray()))))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var seen = new List<string>();
        var during = new List<string>();
        var next = $"/epcis/events?GE_recordTime={Uri.EscapeDataString(since.ToString("O"))}&perPage=4";
        for (var page = 0; page < 1_000 && next is not null; page++)
        {
            using var answer = await producer.GetAsync(next);
            seen.AddRange((await EpcisClient.EventsAsync(answer)).Select(e => e.GetProperty("eventID").GetString()!));
            next = answer.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<') : null;
            var id = NewId();
            during.Add(id);
            using var captured = await producer.PostAsync("/epcis/events", EpcisClient.JsonLd($"{{{Context}, {Association(id, Sscc())[1..]}"));
            Assert.Equal(HttpStatusCode.Created, captured.StatusCode);
        }

        Assert.True(seen.Count == seen.Distinct().Count(), $"expected no event twice, got {seen.Count - seen.Distinct().Count()} repeated");
        Assert.All(before, id => Assert.Contains(id, seen));
        var all = (await EpcisClient.EventsAsync(await producer.GetAsync($"/epcis/events?GE_recordTime={Uri.EscapeDataString(since.ToString("O"))}&perPage=10000")))
            .Select(e => e.GetProperty("eventID").GetString()!).ToList();
        Assert.All(before.Concat(during), id => Assert.Single(all, x => x == id));
        Assert.Equal(all.Where(seen.Contains), seen.Where(all.Contains));

        var (type, detail) = await EpcisClient.ProblemAsync(await producer.GetAsync($"/epcis/events?GE_recordTime={Uri.EscapeDataString(since.ToString("O"))}&perPage=4&nextPageToken=AAAA.BBBB"), 400);
        Assert.Equal(("epcisException:QueryParameterException", true), (type, detail.StartsWith("nextPageToken", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_capture_that_stored_its_event_row_but_not_its_index_rows_is_mended_by_the_retry()
    {
        var prefix = "rh" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await ServerProcess.StartAsync(fixture.Azurite.ConnectionString, new Dictionary<string, string> { ["Storage__TablePrefix"] = prefix });
        using var participant = EpcisClient.For(server, Ids.Gln(), "distributor");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var (broken, kept) = (NewId(), NewId());
        var bodies = new[] { broken, kept }.ToDictionary(id => id, id => EpcisClient.JsonLd($"{{{Context}, {Association(id, Sscc())[1..]}"));
        foreach (var id in bodies.Keys)
        {
            using var created = await participant.PostAsync("/epcis/events", bodies[id]);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var recorded = (await EpcisClient.EventsAsync(await participant.GetAsync("/epcis/events/" + Uri.EscapeDataString(kept))))[0].GetProperty("recordTime").GetString();

        // As if the first capture had failed after its event row: the record day's row, the one copy of the event, is missing.
        var index = new Azure.Data.Tables.TableClient(fixture.Azurite.ConnectionString, prefix + "epcisindex");
        var day = Assert.Single(index.Query<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"EventId eq {broken}")), r => r.ContainsKey("Json0"));
        await index.DeleteEntityAsync(day.PartitionKey, day.RowKey);
        await EpcisClient.ProblemAsync(await participant.GetAsync("/epcis/events/" + Uri.EscapeDataString(broken)), 404);

        foreach (var id in bodies.Keys)
        {
            using var again = await participant.PostAsync("/epcis/events", bodies[id]);
            Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        }

        Assert.Single(await EpcisClient.EventsAsync(await participant.GetAsync("/epcis/events/" + Uri.EscapeDataString(broken))));
        var synced = (await EpcisClient.EventsAsync(await participant.GetAsync($"/epcis/events?GE_recordTime={Uri.EscapeDataString(since)}&perPage=100")))
            .Select(e => e.GetProperty("eventID").GetString()).ToList();
        Assert.Equal(1, synced.Count(id => id == broken));
        Assert.Equal(1, synced.Count(id => id == kept));

        // A capture repeated after a whole success keeps the event where it was.
        var still = (await EpcisClient.EventsAsync(await participant.GetAsync("/epcis/events/" + Uri.EscapeDataString(kept))))[0].GetProperty("recordTime").GetString();
        Assert.Equal(recorded, still);
    }

    [Fact]
    public async Task A_capture_job_is_read_after_a_server_restart()
    {
        await using var server = await ServerProcess.StartAsync(
            fixture.Azurite.ConnectionString, new Dictionary<string, string> { ["Storage__TablePrefix"] = "rj" + Guid.NewGuid().ToString("N")[..12] });
        var gln = Ids.Gln();
        using var participant = EpcisClient.For(server, gln, "distributor");
        using var accepted = await participant.PostAsync("/epcis/capture", EpcisClient.JsonLd(Document(Association(NewId(), Sscc()))));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.OriginalString;

        await server.RestartAsync();

        using var again = EpcisClient.For(server, gln, "distributor");
        using var job = await again.GetAsync(location);
        Assert.True(job.StatusCode == HttpStatusCode.OK, await job.Content.ReadAsStringAsync());
        Assert.True(JsonDocument.Parse(await job.Content.ReadAsStringAsync()).RootElement.GetProperty("success").GetBoolean());
        using var list = await again.GetAsync("/epcis/capture");
        Assert.Single(JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
    }
}
