using System.Net;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>The EPCIS REST door on the shared server: headers, refusals as problem documents, one event captured and queried by lot.</summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisDoorTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    private static string Shipment(World world, string lot, string eventId) => $$$"""
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "eventID": "{{{eventId}}}",
         "type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit",
         "eventTime": "{{{DateTimeOffset.UtcNow.AddSeconds(1):O}}}", "eventTimeZoneOffset": "+07:00",
         "epcList": [], "quantityList": [{"epcClass": "{{{EpcisClient.Lot(world.Gtin, lot)}}}", "quantity": 500, "uom": "KGM"}],
         "destinationList": [{"type": "possessing_party", "destination": "https://id.gs1.org/417/{{{world.Distributor}}}"}]}
        """;

    [Theory]
    [InlineData("/epcis", "GET, OPTIONS")]
    [InlineData("/epcis/capture", "GET, POST, OPTIONS")]
    [InlineData("/epcis/capture/some-job", "GET, OPTIONS")]
    [InlineData("/epcis/events", "GET, POST, OPTIONS")]
    [InlineData("/epcis/events/urn%3Auuid%3A1", "GET, OPTIONS")]
    public async Task Options_names_the_methods_and_the_versions_of_each_path(string path, string allow)
    {
        using var http = EpcisClient.For(Server, null);
        using var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(allow, string.Join(", ", answer.Content.Headers.Allow));
        Assert.Equal("2.0.0", Assert.Single(answer.Headers.GetValues("GS1-EPCIS-Version")));
        Assert.Equal("2.0.0", Assert.Single(answer.Headers.GetValues("GS1-CBV-Version")));
        Assert.True(answer.Headers.Contains("GS1-Extensions"));
        Assert.Equal("10000", Assert.Single(answer.Headers.GetValues("GS1-EPCIS-Capture-Limit")));
        Assert.Equal((4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(answer.Headers.GetValues("GS1-EPCIS-Capture-File-Size-Limit")));
    }

    [Fact]
    public async Task A_capture_without_a_token_or_with_a_forged_one_is_401()
    {
        using var anonymous = EpcisClient.For(Server, null);
        var (type, detail) = await EpcisClient.ProblemAsync(await anonymous.PostAsync("/epcis/capture", EpcisClient.JsonLd("{}")), 401);
        Assert.Equal(("epcisException:SecurityException", true), (type, detail.StartsWith("no bearer token", StringComparison.Ordinal)));

        using var forged = new HttpClient { BaseAddress = anonymous.BaseAddress };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", SupplyChain.Cli.Auth.DevTokens.Mint(new byte[32], Ids.Gln(), ["producer"], TimeSpan.FromMinutes(5)));
        var (_, why) = await EpcisClient.ProblemAsync(await forged.GetAsync("/epcis/events?MATCH_anyEPCClass=" + EpcisClient.Lot("01234567890128", "L1")), 401);
        Assert.Contains("signature does not match", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xml_is_415_and_malformed_or_invalid_documents_are_400_naming_the_path()
    {
        var world = await new World(fixture).RegisterAsync();
        using var producer = EpcisClient.For(Server, world.Producer, "producer");

        var (xml, xmlWhy) = await EpcisClient.ProblemAsync(await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd("<epcis:EPCISDocument/>", "application/xml")), 415);
        Assert.Equal("epcisException:UnsupportedMediaTypeException", xml);
        Assert.Contains("application/xml", xmlWhy, StringComparison.Ordinal);

        var (malformed, malformedWhy) = await EpcisClient.ProblemAsync(await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd("""{"type": "EPCISDocument", "epcisBody": {"eventList": [}}""")), 400);
        Assert.Equal("epcisException:ValidationException", malformed);
        Assert.StartsWith("$.epcisBody.eventList", malformedWhy, StringComparison.Ordinal);

        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var noTime = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
             "creationDate": "{{{DateTimeOffset.UtcNow:O}}}", "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "eventTimeZoneOffset": "+07:00",
                "epcList": [], "quantityList": [{"epcClass": "{{{EpcisClient.Lot(world.Gtin, lot)}}}", "quantity": 500, "uom": "KGM"}]}]}}
            """;
        var (invalid, invalidWhy) = await EpcisClient.ProblemAsync(await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(noTime)), 400);
        Assert.Equal("epcisException:ValidationException", invalid);
        Assert.Equal("/epcisBody/eventList/0/eventTime: is required", invalidWhy);
        Assert.Equal(1L, (await world.GetAsync(lot)).Version);

        using var proceed = new HttpRequestMessage(HttpMethod.Post, "/epcis/capture") { Content = EpcisClient.JsonLd(noTime) };
        proceed.Headers.Add("GS1-Capture-Error-Behaviour", "sometimes");
        var (badBehaviour, badWhy) = await EpcisClient.ProblemAsync(await producer.SendAsync(proceed), 400);
        Assert.Equal(("epcisException:ValidationException", true), (badBehaviour, badWhy.StartsWith("GS1-Capture-Error-Behaviour", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_producer_capturing_its_own_lot_s_food_safety_inspection_is_403_and_nothing_changes()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var inspection = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ours": "{{{SupplyChain.Domain.Epcis.EpcisVocabulary.Namespace}}}"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{DateTimeOffset.UtcNow:O}}}", "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "inspecting", "eventTime": "{{{DateTimeOffset.UtcNow.AddSeconds(-5):O}}}", "eventTimeZoneOffset": "+07:00",
                "quantityList": [{"epcClass": "{{{EpcisClient.Lot(world.Gtin, lot)}}}"}],
                "sensorElementList": [{"sensorReport": [{"type": "ours:nacl", "value": 95, "uom": "P1"}]}],
                "ours:step": "inspecting", "ours:kind": "food_safety"}]}}
            """;
        using var producer = EpcisClient.For(Server, world.Producer, "producer");

        var (type, detail) = await EpcisClient.ProblemAsync(await producer.PostAsync("/epcis/capture", EpcisClient.JsonLd(inspection)), 403);

        Assert.Equal(("epcisException:SecurityException", "eventList[0]: a food-safety checkpoint needs the role lab or auditor; the token has producer"), (type, detail));
        Assert.Equal(1L, (await world.GetAsync(lot)).Version);
    }

    [Fact]
    public async Task One_event_posted_is_201_and_found_by_lot_by_id_and_in_the_grpc_history()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var eventId = $"urn:uuid:{Guid.NewGuid()}";
        using var producer = EpcisClient.For(Server, world.Producer, "producer");

        using var created = await producer.PostAsync("/epcis/events", EpcisClient.JsonLd(Shipment(world, lot, eventId)));

        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal($"/epcis/events/{Uri.EscapeDataString(eventId)}", created.Headers.Location?.OriginalString);
        Assert.Equal(BatchStatus.InTransit, (await world.GetAsync(lot)).Status);
        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal([1L, 2L], history.Events.Select(e => e.Version));

        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var byLot = "?MATCH_anyEPCClass=" + Uri.EscapeDataString(EpcisClient.Lot(world.Gtin, lot));
        var all = await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events" + byLot));
        Assert.Equal(["commissioning", "shipping"], all.Select(BizStep));
        var shipped = await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events" + byLot + "&EQ_bizStep=shipping|receiving"));
        Assert.Equal(["shipping"], shipped.Select(BizStep));

        var found = await EpcisClient.EventsAsync(await auditor.GetAsync(created.Headers.Location!.OriginalString + byLot));
        Assert.Equal(shipped[0].GetProperty("eventID").GetString(), Assert.Single(found).GetProperty("eventID").GetString());
        var (missing, _) = await EpcisClient.ProblemAsync(await auditor.GetAsync($"/epcis/events/{Uri.EscapeDataString("urn:uuid:" + Guid.NewGuid())}{byLot}"), 404);
        Assert.Equal("epcisException:NoSuchResourceException", missing);

        using var stranger = EpcisClient.For(Server, world.Retailer, "retailer");
        var (denied, _) = await EpcisClient.ProblemAsync(await stranger.GetAsync("/epcis/events" + byLot), 403);
        Assert.Equal("epcisException:SecurityException", denied);
        var (unindexed, unindexedWhy) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/events?EQ_action=OBSERVE"), 413);
        Assert.Equal("epcisException:QueryTooComplexException", unindexed);
        Assert.Contains("MATCH_*", unindexedWhy, StringComparison.Ordinal);
        var (badParameter, badWhy) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/events" + byLot + "&GE_eventTime=yesterday"), 400);
        Assert.Equal(("epcisException:QueryParameterException", true), (badParameter, badWhy.StartsWith("GE_eventTime", StringComparison.Ordinal)));
    }

    private static string BizStep(System.Text.Json.JsonElement e) => e.GetProperty("bizStep").GetString()!;
}
