using System.Net;
using System.Text.Json;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>
/// An error declaration captured through REST reaches the batch log: GetBatchHistory and TraceBack show it on the
/// declared event, the hash chain still verifies, the export carries it, a second one changes nothing, and a producer
/// that did not record the event is refused.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisErrorDeclarationTests(ServerFixture fixture)
{
    private const string Context = EpcisClient.Context;

    private ServerProcess Server => fixture.Server;

    private static string Document(params string[] events) => EpcisClient.Document(events);

    private static string Made(World world, string lot, string eventId, DateTimeOffset at) => $$"""
        {"type": "ObjectEvent", "eventID": "{{eventId}}", "action": "ADD", "bizStep": "commissioning", "eventTime": "{{at:O}}", "eventTimeZoneOffset": "+07:00",
         "epcList": [], "quantityList": [{"epcClass": "{{EpcisClient.Lot(world.Gtin, lot)}}", "quantity": 100, "uom": "KGM"}]}
        """;

    private static string Packed(World world, string lot, string eventId, DateTimeOffset at) => $$"""
        {"type": "ObjectEvent", "eventID": "{{eventId}}", "action": "OBSERVE", "bizStep": "packing", "eventTime": "{{at:O}}", "eventTimeZoneOffset": "+07:00",
         "epcList": [], "quantityList": [{"epcClass": "{{EpcisClient.Lot(world.Gtin, lot)}}"}]}
        """;

    private static string Declaring(string original, DateTimeOffset at, string reason, string corrective) =>
        original.TrimEnd()[..^1] + $$$""", "errorDeclaration": {"declarationTime": "{{{at:O}}}", "reason": "{{{reason}}}", "correctiveEventIDs": ["{{{corrective}}}"]}}""";

    private static async Task CaptureAsync(HttpClient client, string document)
    {
        using var accepted = await client.PostAsync("/epcis/capture", EpcisClient.JsonLd(document));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_declaration_captured_through_rest_shows_on_the_declared_event_in_history_trace_and_export()
    {
        var world = await new World(fixture).RegisterAsync();
        var stranger = Ids.Gln();
        await fixture.Participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = stranger, Name = "Another cooperative", Roles = { Role.Producer }, Province = "Bac Lieu" });
        var (lot, madeId, packedId, fixId) = (Ids.Lot(), $"urn:uuid:{Guid.NewGuid()}", $"urn:uuid:{Guid.NewGuid()}", $"urn:uuid:{Guid.NewGuid()}");
        var packed = Packed(world, lot, packedId, DateTimeOffset.UtcNow.AddSeconds(-30));
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        await CaptureAsync(producer, Document(Made(world, lot, madeId, DateTimeOffset.UtcNow.AddSeconds(-60)), packed));
        var declaredAt = DateTimeOffset.UtcNow;
        var declaration = Document(Declaring(packed, declaredAt, "incorrect_data", fixId));

        // A producer that did not record the event may not declare it: refused whole, nothing changes.
        using var other = EpcisClient.For(Server, stranger, "producer");
        var (type, detail) = await EpcisClient.ProblemAsync(await other.PostAsync("/epcis/capture", EpcisClient.JsonLd(declaration)), 403);
        Assert.Equal("epcisException:SecurityException", type);
        Assert.Contains($"recorded by {world.Producer}: only that party or an auditor may declare it in error, not {stranger}", detail, StringComparison.Ordinal);
        Assert.Equal(2L, (await world.GetAsync(lot)).Version);
        var stored = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(packedId))));
        Assert.False(stored.TryGetProperty("errorDeclaration", out _));

        await CaptureAsync(producer, declaration);

        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal([EventType.Created, EventType.CheckpointRecorded, EventType.ErrorDeclared], history.Events.Select(e => e.Type));
        Assert.Null(history.Events[0].ErrorDeclaration);
        var marked = history.Events[1].ErrorDeclaration;
        Assert.NotNull(marked);
        Assert.Equal((2L, history.Events[1].EventId, "incorrect_data", world.Producer, 3L), (marked.DeclaredVersion, marked.DeclaredEventId, marked.Reason, marked.DeclaredByGln, marked.Version));
        Assert.Equal(declaredAt, marked.DeclarationTime.ToDateTimeOffset());
        Assert.Equal([fixId], marked.CorrectiveEventIds);
        Assert.Equal(marked, history.Events[2].Declares);
        Assert.Equal(world.Producer, history.Events[2].ActorGln);

        var traces = new TraceService.TraceServiceClient(Server.Channel);
        var traced = Assert.Single((await traces.TraceBackAsync(new TraceBackRequest { Gtin = world.Gtin, Lot = lot })).Batches);
        Assert.Equal(marked, Assert.Single(traced.Checkpoints).ErrorDeclaration);
        Assert.Equal(marked, Assert.Single(traced.ErrorDeclarations));
        Assert.Equal(marked, Assert.Single((await traces.TraceForwardAsync(new TraceForwardRequest { Gtin = world.Gtin, Lot = lot })).Batches).ErrorDeclarations.Single());

        var verified = await traces.VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot });
        Assert.True(verified.Ok, verified.Reason);
        Assert.Equal((3, 3L), (verified.EventsChecked, verified.HeadVersion));

        var exported = await traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin, Lot = lot });
        var events = JsonDocument.Parse(exported.Document).RootElement.GetProperty("epcisBody").GetProperty("eventList").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        var exportedDeclaration = Assert.Single(events, e => e.TryGetProperty("errorDeclaration", out _));
        Assert.Equal(packedId, exportedDeclaration.GetProperty("eventID").GetString());
        var written = exportedDeclaration.GetProperty("errorDeclaration");
        Assert.Equal(("incorrect_data", fixId), (written.GetProperty("reason").GetString(), written.GetProperty("correctiveEventIDs")[0].GetString()));
        Assert.Equal(declaredAt.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(written.GetProperty("declarationTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());

        // A second declaration, even with another reason, changes nothing: the first stands in the log and the repository.
        await CaptureAsync(producer, declaration);
        await CaptureAsync(producer, Document(Declaring(packed, DateTimeOffset.UtcNow, "other_reason", $"urn:uuid:{Guid.NewGuid()}")));
        var again = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal(3, again.Events.Count);
        Assert.Equal(marked, again.Events[1].ErrorDeclaration);
        var kept = Assert.Single(await EpcisClient.EventsAsync(await producer.GetAsync("/epcis/events/" + Uri.EscapeDataString(packedId))));
        Assert.Equal("incorrect_data", kept.GetProperty("errorDeclaration").GetProperty("reason").GetString());
        Assert.True((await traces.VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot })).Ok);

        var printed = $"DECLARED IN ERROR {marked.DeclarationTime.ToDateTimeOffset().UtcDateTime:yyyy-MM-dd HH:mm:ss}";
        var cliHistory = await RunAsync("batch", "history", world.Gtin13, lot);
        Assert.Contains($"[{printed}", cliHistory, StringComparison.Ordinal);
        Assert.Contains($"by {world.Producer}: incorrect_data (corrected by {fixId})", cliHistory, StringComparison.Ordinal);
        var cliTrace = await RunAsync("trace", "back", world.Gtin13, lot);
        Assert.Contains("declared in error:", cliTrace, StringComparison.Ordinal);
        Assert.Contains(printed, cliTrace, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await SupplyChain.Cli.Cli.RunAsync(["--server", $"http://127.0.0.1:{Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile, .. args], stdout, stderr);
        Assert.True(exit == 0, $"'{string.Join(' ', args)}' exited {exit}:\n{stdout}{stderr}");
        return stdout.ToString();
    }

    [Fact]
    public async Task An_auditor_declares_a_producer_s_creation_and_the_trace_lists_it_on_the_batch()
    {
        var world = await new World(fixture).RegisterAsync();
        var (lot, madeId) = (Ids.Lot(), $"urn:uuid:{Guid.NewGuid()}");
        var made = Made(world, lot, madeId, DateTimeOffset.UtcNow.AddSeconds(-60));
        using var producer = EpcisClient.For(Server, world.Producer, "producer");
        await CaptureAsync(producer, Document(made));
        using var auditor = EpcisClient.For(Server, world.Auditor, "auditor");

        await CaptureAsync(auditor, Document(Declaring(made, DateTimeOffset.UtcNow, "did_not_occur", $"urn:uuid:{Guid.NewGuid()}")));

        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot, PageSize = 1 });
        Assert.Equal((1L, world.Auditor), (history.Events[0].ErrorDeclaration?.DeclaredVersion, history.Events[0].ErrorDeclaration?.DeclaredByGln));
        var traced = Assert.Single((await new TraceService.TraceServiceClient(Server.Channel).TraceBackAsync(new TraceBackRequest { Gtin = world.Gtin, Lot = lot })).Batches);
        Assert.Equal("did_not_occur", Assert.Single(traced.ErrorDeclarations).Reason);
    }
}
