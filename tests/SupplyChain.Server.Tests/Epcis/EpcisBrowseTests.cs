using System.Net;
using System.Text.Json;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>The binding's top-level resources on the shared server: listings, sub-resources, and events with one parameter fixed.</summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisBrowseTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Event_types_bizSteps_and_dispositions_list_the_standard_s_words()
    {
        var world = await new World(fixture).RegisterAsync();
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");

        Assert.Equal(["ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent"], await MembersAsync(await auditor.GetAsync("/epcis/eventTypes")));
        Assert.Contains("shipping", await MembersAsync(await auditor.GetAsync("/epcis/bizSteps")));
        Assert.Contains("in_transit", await MembersAsync(await auditor.GetAsync("/epcis/dispositions")));
        Assert.Equal(["events"], await MembersAsync(await auditor.GetAsync("/epcis/eventTypes/ObjectEvent")));
        Assert.Equal(["events"], await MembersAsync(await auditor.GetAsync("/epcis/bizSteps/shipping")));

        var (type, detail) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/eventTypes/ParcelEvent"), 404);
        Assert.Equal("epcisException:NoSuchResourceException", type);
        Assert.Contains("ParcelEvent", detail, StringComparison.Ordinal);
        var (_, badStep) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/bizSteps/juggling"), 400);
        Assert.StartsWith("EQ_bizStep", badStep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lot_s_events_are_found_under_its_epc_and_narrowed_by_bizStep_and_event_type()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var epc = Uri.EscapeDataString(EpcisClient.Lot(world.Gtin, lot));

        var all = await EpcisClient.EventsAsync(await auditor.GetAsync($"/epcis/epcs/{epc}/events"));
        Assert.Equal(["commissioning", "shipping"], all.Select(e => e.GetProperty("bizStep").GetString()));
        Assert.Equal(["events"], await MembersAsync(await auditor.GetAsync($"/epcis/epcs/{epc}")));

        var shipped = await EpcisClient.EventsAsync(await auditor.GetAsync($"/epcis/bizSteps/shipping/events?MATCH_anyEPCClass={epc}"));
        Assert.Equal(["shipping"], shipped.Select(e => e.GetProperty("bizStep").GetString()));
        var objects = await EpcisClient.EventsAsync(await auditor.GetAsync($"/epcis/eventTypes/ObjectEvent/events?MATCH_anyEPCClass={epc}"));
        Assert.Equal(2, objects.Count);
        var transformations = await EpcisClient.EventsAsync(await auditor.GetAsync($"/epcis/eventTypes/TransformationEvent/events?MATCH_anyEPCClass={epc}"));
        Assert.Empty(transformations);

        using var stranger = EpcisClient.For(Server, world.Retailer, "retailer");
        var (denied, _) = await EpcisClient.ProblemAsync(await stranger.GetAsync($"/epcis/epcs/{epc}/events"), 403);
        Assert.Equal("epcisException:SecurityException", denied);
        var (_, malformed) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/epcs/not-an-epc/events"), 400);
        Assert.StartsWith("MATCH_anyEPC", malformed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identifiers_come_as_digital_links_unless_asked_as_captured_and_urns_are_406()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var path = $"/epcis/epcs/{Uri.EscapeDataString(EpcisClient.Lot(world.Gtin, lot))}/events";

        using var plain = await auditor.GetAsync(path);
        Assert.Single(await EpcisClient.EventsAsync(plain));
        Assert.Equal("Always_GS1_Digital_Link", Assert.Single(plain.Headers.GetValues("GS1-EPC-Format")));

        using var asCaptured = new HttpRequestMessage(HttpMethod.Get, path);
        asCaptured.Headers.Add("GS1-EPC-Format", "Never_Translates");
        using var kept = await auditor.SendAsync(asCaptured);
        Assert.Single(await EpcisClient.EventsAsync(kept));
        Assert.Equal("Never_Translates", Assert.Single(kept.Headers.GetValues("GS1-EPC-Format")));

        using var urns = new HttpRequestMessage(HttpMethod.Get, path);
        urns.Headers.Add("GS1-EPC-Format", "Always_EPC_URN");
        var (type, detail) = await EpcisClient.ProblemAsync(await auditor.SendAsync(urns), 406);
        Assert.Equal("epcisException:NotAcceptableException", type);
        Assert.Contains("company prefix", detail, StringComparison.Ordinal);

        using var bad = new HttpRequestMessage(HttpMethod.Get, path);
        bad.Headers.Add("GS1-EPC-Format", "Sometimes");
        var (_, why) = await EpcisClient.ProblemAsync(await auditor.SendAsync(bad), 400);
        Assert.StartsWith("GS1-EPC-Format", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_string_past_the_limit_is_414_naming_the_way_around_it()
    {
        var world = await new World(fixture).RegisterAsync();
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var steps = string.Join("|", Enumerable.Repeat("shipping", 600));

        var (type, detail) = await EpcisClient.ProblemAsync(await auditor.GetAsync("/epcis/events?EQ_bizStep=" + steps), 414);

        Assert.Equal("epcisException:URITooLongException", type);
        Assert.Contains("POST /queries", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_browse_path_answers_options_with_its_methods()
    {
        using var http = EpcisClient.For(Server, null);
        foreach (var path in new[] { "/epcis/eventTypes", "/epcis/epcs/x", "/epcis/readPoints/x/events", "/epcis/queries", "/epcis/queries/q1", "/epcis/queries/q1/events" })
        {
            using var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, path));
            Assert.True(answer.StatusCode == HttpStatusCode.NoContent, path);
            Assert.Contains("GET", answer.Content.Headers.Allow);
            Assert.Equal("2.0.0", Assert.Single(answer.Headers.GetValues("GS1-EPCIS-Version")));
        }
    }

    internal static async Task<List<string>> MembersAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected success, got {(int)response.StatusCode}: {text}");
        using var collection = JsonDocument.Parse(text);
        Assert.Equal("Collection", collection.RootElement.GetProperty("type").GetString());
        return collection.RootElement.GetProperty("member").EnumerateArray().Select(m => m.GetString()!).ToList();
    }
}
