using System.Net;
using System.Text.Json;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>Named queries through the binding on the shared server: defined, listed, read, run, refused and deleted.</summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisNamedQueryTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task A_named_query_is_defined_listed_run_and_deleted_by_its_maker_only()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        var name = "shipments-" + lot;
        var definition = $$$"""{"name": "{{{name}}}", "query": {"MATCH_anyEPCClass": ["{{{EpcisClient.Lot(world.Gtin, lot)}}}"], "EQ_bizStep": ["shipping", "receiving"]}}""";
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");

        using var created = await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd(definition, "application/json"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal($"/epcis/queries/{name}", created.Headers.Location?.OriginalString);
        using var again = await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd(definition, "application/json"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        using var listed = JsonDocument.Parse(await producer.GetStringAsync("/epcis/queries"));
        var mine = Assert.Single(listed.RootElement.EnumerateArray(), q => q.GetProperty("name").GetString() == name);
        Assert.Equal(["shipping", "receiving"], mine.GetProperty("query").GetProperty("EQ_bizStep").EnumerateArray().Select(v => v.GetString()));
        using var one = JsonDocument.Parse(await producer.GetStringAsync($"/epcis/queries/{name}"));
        Assert.Equal(name, one.RootElement.GetProperty("name").GetString());

        // Run in the reader's own rights: the producer of the lot reads it, a stranger does not.
        var shipped = await EpcisClient.EventsAsync(await producer.GetAsync($"/epcis/queries/{name}/events"));
        Assert.Equal(["shipping"], shipped.Select(e => e.GetProperty("bizStep").GetString()));
        using var stranger = EpcisClient.For(Server, world.Retailer, "retailer");
        var (denied, _) = await EpcisClient.ProblemAsync(await stranger.GetAsync($"/epcis/queries/{name}/events"), 403);
        Assert.Equal("epcisException:SecurityException", denied);
        var (_, fixedWhy) = await EpcisClient.ProblemAsync(await producer.GetAsync($"/epcis/queries/{name}/events?EQ_bizStep=receiving"), 400);
        Assert.StartsWith("EQ_bizStep", fixedWhy, StringComparison.Ordinal);

        var (notMaker, notMakerWhy) = await EpcisClient.ProblemAsync(await producer.DeleteAsync($"/epcis/queries/{name}"), 403);
        Assert.Equal("epcisException:SecurityException", notMaker);
        Assert.Contains("only its maker or an administrator", notMakerWhy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await producer.GetAsync($"/epcis/queries/{name}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await auditor.DeleteAsync($"/epcis/queries/{name}")).StatusCode);
        var (gone, _) = await EpcisClient.ProblemAsync(await auditor.GetAsync($"/epcis/queries/{name}"), 404);
        Assert.Equal("epcisException:NoSuchResourceException", gone);
        await EpcisClient.ProblemAsync(await auditor.GetAsync($"/epcis/queries/{name}/events"), 404);
    }

    [Fact]
    public async Task A_taken_name_a_bad_parameter_or_a_bad_name_is_refused_and_nothing_is_stored()
    {
        var world = await new World(fixture).RegisterAsync();
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");
        var name = "q-" + Ids.Lot();
        using var created = await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""{"name": "{{{name}}}", "query": {"EQ_bizStep": "shipping"}}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var (taken, takenWhy) = await EpcisClient.ProblemAsync(await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""{"name": "{{{name}}}", "query": {"EQ_bizStep": "receiving"}}""")), 409);
        Assert.Equal("epcisException:ResourceAlreadyExistsException", taken);
        Assert.Contains(name, takenWhy, StringComparison.Ordinal);

        var other = "q-" + Ids.Lot();
        var (badParameter, badWhy) = await EpcisClient.ProblemAsync(await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""{"name": "{{{other}}}", "query": {"GE_eventTime": "yesterday"}}""")), 400);
        Assert.Equal("epcisException:ValidationException", badParameter);
        Assert.StartsWith("GE_eventTime", badWhy, StringComparison.Ordinal);
        var (_, pagingWhy) = await EpcisClient.ProblemAsync(await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""{"name": "{{{other}}}", "query": {"perPage": 5}}""")), 400);
        Assert.StartsWith("query.perPage", pagingWhy, StringComparison.Ordinal);
        var (_, nameWhy) = await EpcisClient.ProblemAsync(await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd("""{"name": "a/b", "query": {"EQ_bizStep": "shipping"}}""")), 400);
        Assert.StartsWith("name", nameWhy, StringComparison.Ordinal);
        await EpcisClient.ProblemAsync(await auditor.GetAsync($"/epcis/queries/{other}"), 404);

        using var anonymous = EpcisClient.For(Server, null);
        await EpcisClient.ProblemAsync(await anonymous.GetAsync("/epcis/queries"), 401);
    }
}
