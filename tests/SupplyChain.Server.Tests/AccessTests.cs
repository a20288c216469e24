using Grpc.Core;
using SupplyChain.Cli.Auth;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Who may call what, from the bearer token; each rule from both sides: allowed for the right token, refused otherwise.</summary>
[Collection(ServerCollection.Name)]
public sealed class AccessTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public async Task Health_and_reflection_answer_without_a_token_and_everything_else_needs_one()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Server.Bare);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest())).Status);

        var anonymous = new ParticipantService.ParticipantServiceClient(Server.Bare);
        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetParticipantAsync(new GetParticipantRequest { Gln = Ids.Gln() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("no bearer token", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acting_party_is_the_token_s_participant_and_an_empty_field_is_filled_from_it()
    {
        var world = await new World(fixture).RegisterAsync();
        var producer = new BatchService.BatchServiceClient(Server.As(world.Producer, "producer"));
        var lot = Ids.Lot();

        var created = await producer.CreateBatchAsync(new CreateBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin13, Lot = lot, Quantity = new Quantity { Value = 10, Unit = "KGM" },
        });
        Assert.Equal(world.Producer, created.Batch.ProducerGln);
        Assert.Equal(world.Producer, await LastActorAsync(world, lot));

        await producer.ShipBatchAsync(new ShipBatchRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ReceiverGln = world.Distributor });
        Assert.Equal(world.Producer, await LastActorAsync(world, lot));

        // The receiver's own token receives; the log shows who did it.
        var distributor = new BatchService.BatchServiceClient(Server.As(world.Distributor, "distributor"));
        var received = await distributor.ReceiveBatchAsync(new ReceiveBatchRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, Decision = ReceiveDecision.Accept });
        Assert.Equal((world.Distributor, world.Distributor), (await LastActorAsync(world, lot), received.Batch.CustodianGln));
    }

    private async Task<string> LastActorAsync(World world, string lot) =>
        (await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot })).Events[^1].ActorGln;

    [Fact]
    public async Task Only_an_administrator_registers_participants_and_defines_chains()
    {
        var gln = Ids.Gln();
        var request = new RegisterParticipantRequest { Gln = gln, Name = "Ca Mau crab cooperative", Roles = { Role.Producer } };
        var producer = new ParticipantService.ParticipantServiceClient(Server.As(Ids.Gln(), "producer", "auditor"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => producer.RegisterParticipantAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("needs the role admin", refused.Status.Detail, StringComparison.Ordinal);
        var admin = new ParticipantService.ParticipantServiceClient(Server.As(null, "admin"));
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => admin.GetParticipantAsync(new GetParticipantRequest { Gln = gln }).ResponseAsync)).StatusCode);

        Assert.Equal(gln, (await admin.RegisterParticipantAsync(request)).Gln);
    }

    [Fact]
    public async Task Food_safety_checks_are_a_lab_s_or_an_auditor_s_and_auditors_recall_but_do_not_move()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        RecordCheckpointRequest Inspection(string? actor = null) => new()
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = actor ?? "", Kind = CheckpointKind.FoodSafety, Step = "inspecting",
            Measurements = { new Measurement { Type = "nacl", Value = 95, Unit = "P1" } },
        };

        var asProducer = new BatchService.BatchServiceClient(Server.As(world.Producer, "producer"));
        var byProducer = await Assert.ThrowsAsync<RpcException>(() => asProducer.RecordCheckpointAsync(Inspection()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, byProducer.StatusCode);
        Assert.Contains("needs the role lab", byProducer.Status.Detail, StringComparison.Ordinal);

        var asAuditor = new BatchService.BatchServiceClient(Server.As(world.Auditor, "auditor"));
        var shipping = await Assert.ThrowsAsync<RpcException>(() => asAuditor.ShipBatchAsync(new ShipBatchRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ReceiverGln = world.Distributor }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, shipping.StatusCode);
        Assert.Contains("shipping needs the role", shipping.Status.Detail, StringComparison.Ordinal);
        var audited = await asAuditor.RecordCheckpointAsync(Inspection());
        Assert.Equal((world.Auditor, Verdict.Pass), (await LastActorAsync(world, lot), audited.Verdict));

        var asLab = new BatchService.BatchServiceClient(Server.As(world.Lab, "lab"));
        var inspected = await asLab.RecordCheckpointAsync(Inspection());
        Assert.Equal((world.Lab, Verdict.Pass), (await LastActorAsync(world, lot), inspected.Verdict));

        var traces = new TraceService.TraceServiceClient(Server.As(world.Producer, "producer"));
        var recall = new RecallRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, Reason = "a test recall" };
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => traces.RecallAsync(recall).ResponseAsync)).StatusCode);
        var recalled = await new TraceService.TraceServiceClient(Server.As(world.Auditor, "auditor")).RecallAsync(recall);
        Assert.Equal(world.Gtin, recalled.Root.Gtin);
    }

    [Fact]
    public async Task A_participant_reads_the_batches_it_took_part_in_and_an_auditor_reads_all()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        var request = new GetBatchRequest { Gtin = world.Gtin, Lot = lot };

        // The producer, the receiver it is on its way to, and an auditor with no GLN of its own read it.
        foreach (var (gln, role) in new[] { (world.Producer, "producer"), (world.Distributor, "distributor"), ((string?)null, "auditor") })
        {
            var batch = await new BatchService.BatchServiceClient(Server.As(gln, role)).GetBatchAsync(request);
            Assert.Equal(lot, batch.Lot);
        }

        // A retailer that never touched it reads neither the batch, nor its history, nor its trace.
        var stranger = Server.As(world.Retailer, "retailer");
        var calls = new Func<Task>[]
        {
            () => new BatchService.BatchServiceClient(stranger).GetBatchAsync(request).ResponseAsync,
            () => new BatchService.BatchServiceClient(stranger).GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
            () => new TraceService.TraceServiceClient(stranger).TraceBackAsync(new TraceBackRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
            () => new TraceService.TraceServiceClient(stranger).TraceForwardAsync(new TraceForwardRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
            () => new TraceService.TraceServiceClient(stranger).GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
            () => new TraceService.TraceServiceClient(stranger).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
            () => new TraceService.TraceServiceClient(stranger).ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
            () => new TraceService.TraceServiceClient(stranger).ExportTraceabilityCsvAsync(new ExportTraceabilityCsvRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.Contains("only its parties and auditors read it", refused.Status.Detail, StringComparison.Ordinal);
        }

        // Its own lists, not another party's.
        var lists = new BatchService.BatchServiceClient(stranger);
        Assert.Empty((await lists.ListBatchesAsync(new ListBatchesRequest { Listing = BatchListing.Held })).Batches);
        var other = await Assert.ThrowsAsync<RpcException>(() => lists.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = world.Producer, Listing = BatchListing.Produced }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Contains("another party", other.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_producer_cannot_certify_its_own_lot_s_food_safety_through_an_import()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var inspection = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ours": "{{{SupplyChain.Domain.Epcis.EpcisVocabulary.Namespace}}}"}],
             "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{DateTimeOffset.UtcNow:O}}}", "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "inspecting", "eventTime": "{{{DateTimeOffset.UtcNow.AddSeconds(-5):O}}}", "eventTimeZoneOffset": "+07:00",
                "quantityList": [{"epcClass": "https://id.gs1.org/01/{{{world.Gtin}}}/10/{{{lot}}}"}],
                "certificationInfo": ["https://cert.example/self"],
                "sensorElementList": [{"sensorReport": [{"type": "ours:nacl", "value": 95, "uom": "P1"}]}],
                "ours:step": "inspecting", "ours:kind": "food_safety"}]}}
            """;

        // The custodian producer's token: the same rule as RecordCheckpoint, at the event's place in the document.
        var asProducer = new TraceService.TraceServiceClient(Server.As(world.Producer, "producer"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => asProducer.ImportEpcisAsync(new ImportEpcisRequest { Document = inspection }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal("eventList[0]: a food-safety checkpoint needs the role lab or auditor; the token has producer", refused.Status.Detail);

        // A token that also claims a lab's role is refused by the producer's registered roles.
        var claimsLab = new TraceService.TraceServiceClient(Server.As(world.Producer, "producer", "lab"));
        var registered = await Assert.ThrowsAsync<RpcException>(() => claimsLab.ImportEpcisAsync(new ImportEpcisRequest { Document = inspection }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, registered.StatusCode);
        Assert.Contains($"{world.Producer} is registered as producer: a food-safety checkpoint needs the role lab or auditor", registered.Status.Detail, StringComparison.Ordinal);

        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal([1L], history.Events.Select(e => e.Version));
        Assert.Equal(1L, (await world.GetAsync(lot)).Version);
    }

    [Fact]
    public async Task An_import_that_acts_in_another_party_s_name_needs_an_administrator()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        var receipt = $$$"""
            {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0",
             "creationDate": "{{{DateTimeOffset.UtcNow:O}}}", "epcisBody": {"eventList": [
               {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress",
                "eventTime": "{{{DateTimeOffset.UtcNow.AddSeconds(2):O}}}", "eventTimeZoneOffset": "+07:00",
                "epcList": [], "quantityList": [{"epcClass": "https://id.gs1.org/01/{{{world.Gtin}}}/10/{{{lot}}}", "quantity": 500, "uom": "KGM"}],
                "destinationList": [{"type": "possessing_party", "destination": "https://id.gs1.org/417/{{{world.Distributor}}}"}]}]}}
            """;
        var asProducer = new TraceService.TraceServiceClient(Server.As(world.Producer, "producer"));
        var refused = await Assert.ThrowsAsync<RpcException>(() => asProducer.ImportEpcisAsync(new ImportEpcisRequest { Document = receipt }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains($"eventList[0]: acts in the name of {world.Distributor}", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(BatchStatus.InTransit, (await world.GetAsync(lot)).Status);

        var asDistributor = new TraceService.TraceServiceClient(Server.As(world.Distributor, "distributor"));
        var imported = await asDistributor.ImportEpcisAsync(new ImportEpcisRequest { Document = receipt });
        Assert.Equal(1, imported.Received);
        Assert.Equal(world.Distributor, (await world.GetAsync(lot)).CustodianGln);
    }

    [Theory]
    [InlineData("expired", "the token expired at")]
    [InlineData("forged", "signature does not match")]
    [InlineData("issuer", "issuer 'someone-else' is not trusted")]
    [InlineData("audience", "audience 'another-service' is not this service's")]
    [InlineData("early", "not valid before")]
    [InlineData("garbage", "not a well-formed JWT")]
    [InlineData("gln", "gln claim is not a GLN")]
    public async Task A_bad_token_is_unauthenticated_and_says_why(string kind, string reason)
    {
        var gln = Ids.Gln();
        var token = kind switch
        {
            "expired" => DevTokens.Mint(Server.Key, gln, ["producer"], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-1)),
            "forged" => DevTokens.Mint(Convert.FromBase64String(DevTokens.NewKey()), gln, ["producer"], TimeSpan.FromMinutes(5)),
            "issuer" => DevTokens.Mint(Server.Key, gln, ["producer"], TimeSpan.FromMinutes(5), issuer: "someone-else"),
            "audience" => DevTokens.Mint(Server.Key, gln, ["producer"], TimeSpan.FromMinutes(5), audience: "another-service"),
            "early" => DevTokens.Mint(Server.Key, gln, ["producer"], TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(1)),
            "gln" => DevTokens.Mint(Server.Key, "8930000000001", ["producer"], TimeSpan.FromMinutes(5)),
            _ => "not-a-jwt",
        };

        var client = new ParticipantService.ParticipantServiceClient(Server.With(token));
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetParticipantAsync(new GetParticipantRequest { Gln = gln }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(reason, refused.Status.Detail, StringComparison.Ordinal);
    }
}
