using System.Net;
using System.Text.Json;
using SupplyChain.Domain.Deliveries;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>Webhook subscriptions to named queries: matching events reach the subscriber once, signed, also after a restart.</summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisSubscriptionTests(ServerFixture fixture)
{
    private const string Secret = "subscriber-chosen-secret-0123";

    private static string Association(string eventId, int noteLength = 0) => $$"""
        {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "https://example.com/epcis/"}], "type": "AssociationEvent", "eventID": "{{eventId}}",
         "action": "ADD", "bizStep": "assembling", "eventTime": "{{DateTimeOffset.UtcNow.AddSeconds(-30):O}}", "eventTimeZoneOffset": "+07:00",
         "parentID": "urn:epc:id:grai:4000001.12345.{{Random.Shared.Next(1, 1_000_000)}}", "childEPCs": ["urn:epc:id:giai:4000001.{{Random.Shared.Next(1, 1_000_000)}}"],
         "ex:note": "{{new string('n', noteLength)}}"}
        """;

    [Fact]
    public async Task Events_recorded_through_grpc_reach_the_subscriber_once_signed_and_stop_when_it_unsubscribes()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        using var producer = EpcisClient.For(fixture.Server, world.Producer, "producer");
        var name = "moves-" + lot;
        using var defined = await producer.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""
            {"name": "{{{name}}}", "query": {"MATCH_anyEPCClass": "{{{EpcisClient.Lot(world.Gtin, lot)}}}", "EQ_bizStep": ["shipping", "receiving"]}}
            """));
        Assert.Equal(HttpStatusCode.Created, defined.StatusCode);

        using var subscribed = await producer.PostAsync($"/epcis/queries/{name}/subscriptions",
            EpcisClient.JsonLd($$$"""{"dest": "{{{receiver.Url}}}", "signatureToken": "{{{Secret}}}", "stream": true}"""));
        var body = await subscribed.Content.ReadAsStringAsync();
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, body);
        using var created = JsonDocument.Parse(body);
        var id = created.RootElement.GetProperty("subscriptionID").GetString()!;
        Assert.Equal($"/epcis/queries/{name}/subscriptions/{id}", subscribed.Headers.Location?.OriginalString);
        Assert.False(created.RootElement.TryGetProperty("signatureToken", out _));

        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await world.ReceiveAsync(lot, world.Distributor);
        var posts = await receiver.WaitForAsync(r => Steps(r).Count >= 2, TimeSpan.FromSeconds(30), "the shipment and the receipt");

        Assert.Equal(["shipping", "receiving"], Steps(posts).Select(e => e.Step));
        Assert.Equal(2, Steps(posts).Select(e => e.Id).Distinct().Count());
        Assert.All(posts, p =>
        {
            Assert.True(DeliverySignature.Verify(Secret, p.Signature, p.Body));
            using var document = JsonDocument.Parse(p.Body);
            var results = document.RootElement.GetProperty("epcisBody").GetProperty("queryResults");
            Assert.Equal((id, name), (results.GetProperty("subscriptionID").GetString(), results.GetProperty("queryName").GetString()));
        });

        using var stranger = EpcisClient.For(fixture.Server, world.Retailer, "retailer");
        var (denied, _) = await EpcisClient.ProblemAsync(await stranger.DeleteAsync($"/epcis/queries/{name}/subscriptions/{id}"), 403);
        Assert.Equal("epcisException:SecurityException", denied);
        using var status = JsonDocument.Parse(await producer.GetStringAsync($"/epcis/queries/{name}/subscriptions/{id}"));
        Assert.Equal(2, status.RootElement.GetProperty("eventsQueued").GetInt64());
        Assert.True(status.RootElement.TryGetProperty("lastNotifiedAt", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await producer.DeleteAsync($"/epcis/queries/{name}/subscriptions/{id}")).StatusCode);
        await world.ShipAsync(lot, world.Distributor, world.Retailer);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(2, Steps(receiver.All).Count);
        await EpcisClient.ProblemAsync(await producer.GetAsync($"/epcis/queries/{name}/subscriptions/{id}"), 404);
    }

    [Fact]
    public async Task A_bad_subscription_is_refused_and_a_schedule_is_501()
    {
        var world = await new World(fixture).RegisterAsync();
        using var auditor = EpcisClient.For(fixture.Server, world.Auditor, "auditor");
        var name = "assoc-" + Ids.Lot();
        Assert.Equal(HttpStatusCode.Created, (await auditor.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""{"name": "{{{name}}}", "query": {"eventType": "AssociationEvent"}}"""))).StatusCode);
        var path = $"/epcis/queries/{name}/subscriptions";

        var (_, dest) = await EpcisClient.ProblemAsync(await auditor.PostAsync(path, EpcisClient.JsonLd("""{"dest": "ftp://example.com/x", "stream": true}""")), 400);
        Assert.StartsWith("url", dest, StringComparison.Ordinal);
        var (_, stream) = await EpcisClient.ProblemAsync(await auditor.PostAsync(path, EpcisClient.JsonLd("""{"dest": "https://example.com/x"}""")), 400);
        Assert.StartsWith("stream", stream, StringComparison.Ordinal);
        var (_, secret) = await EpcisClient.ProblemAsync(await auditor.PostAsync(path, EpcisClient.JsonLd("""{"dest": "https://example.com/x", "stream": true, "signatureToken": "short"}""")), 400);
        Assert.StartsWith("secret", secret, StringComparison.Ordinal);
        var (type, _) = await EpcisClient.ProblemAsync(await auditor.PostAsync(path, EpcisClient.JsonLd("""{"dest": "https://example.com/x", "schedule": {"hour": "1"}}""")), 501);
        Assert.Equal("epcisException:ImplementationException", type);
        await EpcisClient.ProblemAsync(await auditor.PostAsync("/epcis/queries/no-such-query/subscriptions", EpcisClient.JsonLd("""{"dest": "https://example.com/x", "stream": true}""")), 404);

        using var made = await auditor.PostAsync(path, EpcisClient.JsonLd("""{"dest": "https://example.com/x", "stream": true}"""));
        using var answer = JsonDocument.Parse(await made.Content.ReadAsStringAsync());
        Assert.Equal(64, answer.RootElement.GetProperty("signatureToken").GetString()!.Length);
        using var listed = JsonDocument.Parse(await auditor.GetStringAsync(path));
        Assert.Single(listed.RootElement.EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await auditor.DeleteAsync($"/epcis/queries/{name}")).StatusCode);
        await EpcisClient.ProblemAsync(await auditor.GetAsync(path), 404);
    }

    [Fact]
    public async Task A_subscription_resumes_after_a_restart_and_sends_nothing_twice()
    {
        await using var server = await ServerProcess.StartAsync(fixture.Azurite.ConnectionString, new Dictionary<string, string>
        {
            ["Storage__TablePrefix"] = "sb" + Guid.NewGuid().ToString("N")[..12],
            ["Subscriptions__RecoveryPeriod"] = "00:00:03",
            ["Deliveries__FirstRetry"] = "00:00:00.200",
        });
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var gln = Ids.Gln();
        using var partner = EpcisClient.For(server, gln, "distributor");
        var name = "assoc-" + Ids.Lot();
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsync("/epcis/queries", EpcisClient.JsonLd($$$"""{"name": "{{{name}}}", "query": {"eventType": "AssociationEvent"}}"""))).StatusCode);
        using var subscribed = await partner.PostAsync($"/epcis/queries/{name}/subscriptions", EpcisClient.JsonLd($$$"""{"dest": "{{{receiver.Url}}}", "signatureToken": "{{{Secret}}}", "stream": true}"""));
        Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());

        var first = $"urn:uuid:{Guid.NewGuid()}";
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsync("/epcis/events", EpcisClient.JsonLd(Association(first)))).StatusCode);
        await receiver.WaitForAsync(r => EventIds(r).Contains(first), TimeSpan.FromSeconds(30), "the first association");

        await server.RestartAsync();
        using var again = EpcisClient.For(server, gln, "distributor");
        var second = $"urn:uuid:{Guid.NewGuid()}";
        // A note of 40,000 characters: the delivery outgrows one table property and is stored in chunks.
        using var big = await again.PostAsync("/epcis/events", EpcisClient.JsonLd(Association(second, 40_000)));
        Assert.True(big.StatusCode == HttpStatusCode.Created, await big.Content.ReadAsStringAsync());
        var found = false;
        for (var i = 0; i < 60 && !found; i++)
        {
            found = (await EpcisClient.EventsAsync(await again.GetAsync("/epcis/events?eventType=AssociationEvent"))).Any(e => e.GetProperty("eventID").GetString() == second);
            await Task.Delay(found ? 0 : 500);
        }

        Assert.True(found, "the association captured after the restart is not found by the query within 30 s");
        var posts = await receiver.WaitForAsync(r => EventIds(r).Contains(second), TimeSpan.FromSeconds(60), "the association captured after the restart");

        Assert.Equal([first, second], EventIds(posts));
        Assert.Equal(40_000, Events(posts).Last().GetProperty("ex:note").GetString()!.Length);
    }

    private static List<(string Id, string Step)> Steps(IReadOnlyList<WebhookReceiver.Received> posts) =>
        Events(posts).Select(e => (e.GetProperty("eventID").GetString()!, e.GetProperty("bizStep").GetString()!.Split('-', ':')[^1])).ToList();

    private static List<string> EventIds(IReadOnlyList<WebhookReceiver.Received> posts) => Events(posts).Select(e => e.GetProperty("eventID").GetString()!).ToList();

    private static IEnumerable<JsonElement> Events(IReadOnlyList<WebhookReceiver.Received> posts) =>
        posts.Where(p => p.Answered == 200).SelectMany(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("epcisBody").GetProperty("queryResults")
            .GetProperty("resultsBody").GetProperty("eventList").EnumerateArray().ToList());
}
