using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Partners' EPCIS documents captured through the API: all or nothing, refusals naming the event, retries replayed.</summary>
[Collection(ServerCollection.Name)]
public sealed class ImportTests(ServerFixture fixture)
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-3);

    // Partner documents name several acting parties (a shipper, a receiver): only an administrator imports in their names.
    private TraceService.TraceServiceClient Traces => new(fixture.Server.As(null, "admin"));

    [Fact]
    public async Task A_partner_document_creates_checks_splits_merges_ships_and_receives_and_its_retry_replays()
    {
        var world = await new World(fixture).RegisterAsync();
        var (x, v, y, z, w) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        var document = Document(
            $$"""
            {"type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", {{At(0)}}, "readPoint": {"id": "{{Place(world.Producer)}}"},
             "quantityList": [{{Lot(world, x, 100)}}, {{Lot(world, v, 50)}}],
             "sensorElementList": [{"sensorMetadata": {"time": "{{Time(1)}}"}, "sensorReport": [{"type": "Temperature", "value": 24.5, "uom": "CEL"}]}]}
            """,
            $$"""
            {"type": "TransformationEvent", "bizStep": "commissioning", {{At(10)}},
             "inputQuantityList": [{{Lot(world, x, 100)}}], "outputQuantityList": [{{Lot(world, y, 40)}}, {{Lot(world, z, 60)}}]}
            """,
            $$"""
            {"type": "TransformationEvent", "bizStep": "commissioning", {{At(20)}},
             "inputQuantityList": [{{Lot(world, z, 60)}}, {{Lot(world, v, 50)}}], "outputQuantityList": [{{Lot(world, w, null)}}]}
            """,
            $$"""
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", {{At(30)}}, "quantityList": [{{Lot(world, y, 40)}}],
             "sourceList": [{"type": "possessing_party", "source": "{{Party(world.Producer)}}"}],
             "destinationList": [{"type": "possessing_party", "destination": "{{Party(world.Distributor)}}"}]}
            """,
            $$"""
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", {{At(90)}}, "quantityList": [{{Lot(world, y, 39.5)}}],
             "readPoint": {"id": "{{Place(world.Distributor)}}"}, "destinationList": [{"type": "possessing_party", "destination": "{{Party(world.Distributor)}}"}]}
            """,
            $$"""
            {"type": "AggregationEvent", "action": "ADD", {{At(95)}}, "parentID": "urn:epc:id:sscc:0614141.1234567890", "childEPCs": []}
            """);

        var imported = await ImportAsync(document, world.Producer);

        Assert.Equal((6, 8, 0), (imported.EventCount, imported.CommandCount, imported.Replayed));
        Assert.Equal((2, 2, 1, 1, 1, 1, 0), (imported.Created, imported.Checkpoints, imported.Split, imported.Merged, imported.Shipped, imported.Received, imported.Rejected));
        Assert.Contains(imported.Notes, n => n.StartsWith("eventList[5]", StringComparison.Ordinal));
        Assert.Equal(new[] { x, v, y, z, w }, imported.Batches.Select(b => b.Lot).ToArray());
        var received = await world.GetAsync(y);
        Assert.Equal((BatchStatus.Active, world.Distributor, 39.5), (received.Status, received.CustodianGln, received.Quantity.Value));
        var merged = await world.GetAsync(w);
        Assert.Equal((110.0, world.Producer, 2), (merged.Quantity.Value, merged.CustodianGln, merged.Parents.Count));
        var created = (await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = x })).Events[0];
        Assert.Equal(Start, created.EventTime.ToDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var trace = await new Lineage(fixture, world).BackAsync(y);
        Assert.Equal([y, x], trace.Batches.Select(b => b.Batch.Lot).ToArray());
        Assert.Equal(("temperature", 24.5), (trace.Batches[1].Checkpoints[0].Results[0].Measurement.Type, trace.Batches[1].Checkpoints[0].Results[0].Measurement.Value));

        var again = await ImportAsync(document, world.Producer);

        Assert.Equal((8, 8), (again.CommandCount, again.Replayed));
        Assert.Equal(received.Version, (await world.GetAsync(y)).Version);
    }

    [Fact]
    public async Task The_GS1_sensor_data_example_is_captured_as_three_environmental_checkpoints()
    {
        var world = await new World(fixture).RegisterAsync();
        var gtin = Domain.Identifiers.Gtin.FromBody("0401234511111").Value;
        await fixture.Participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin, ProducerGln = world.Producer, Name = "GS1 example item", Category = "example", Unit = "H87" });
        await fixture.Batches.CreateBatchAsync(new CreateBatchRequest
        {
            EventId = Ids.EventId(), Gtin = gtin, Lot = "9876", Quantity = new Quantity { Value = 1, Unit = "H87" }, ProducerGln = world.Producer,
            ProducedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2019, 4, 1, 0, 0, 0, TimeSpan.Zero)),
        });

        var imported = await ImportAsync(Gs1Files.Example("SensorDataExample1.jsonld"), world.Producer);

        Assert.Equal((1, 3, 3, 0), (imported.EventCount, imported.CommandCount, imported.Checkpoints, imported.FailedChecks));
        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = gtin, Lot = "9876" });
        Assert.Equal(
            [EventType.Created, EventType.CheckpointRecorded, EventType.CheckpointRecorded, EventType.CheckpointRecorded],
            history.Events.Select(e => e.Type).ToArray());
        Assert.Equal(["temperature", "absolute_humidity", "speed", "illuminance"], history.Events[1].Results.Select(r => r.Measurement.Type).ToArray());
        Assert.Equal(3, (await ImportAsync(Gs1Files.Example("SensorDataExample1.jsonld"), world.Producer)).Replayed);
        Assert.Equal(4, (await fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = gtin, Lot = "9876" })).Version);
    }

    [Fact]
    public async Task The_GS1_ObjectEvent_example_is_refused_at_its_shipment_without_a_destination()
    {
        var world = await new World(fixture).RegisterAsync();

        var refused = await RefusedAsync(Gs1Files.Example("Example_9.6.1-ObjectEvent.jsonld"), world.Producer);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("eventList[0]: destinationList:", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_is_refused_whole_naming_the_event_at_fault_and_nothing_is_written()
    {
        var world = await new World(fixture).RegisterAsync();
        var other = Ids.Gtin13();
        var lot = Ids.Lot();
        var create = $$"""{"type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", {{At(0)}}, "quantityList": [{{Lot(world, lot, 100)}}]}""";
        string Ship(string to) => $$"""
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", {{At(10)}}, "quantityList": [{{Lot(world, lot, 100)}}],
             "destinationList": [{"type": "possessing_party", "destination": "{{Party(to)}}"}]}
            """;
        var receiveTooMuch = $$"""
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "receiving", {{At(20)}}, "quantityList": [{{Lot(world, lot, 120)}}],
             "destinationList": [{"type": "possessing_party", "destination": "{{Party(world.Distributor)}}"}]}
            """;
        var transform = $$"""
            {"type": "TransformationEvent", {{At(10)}}, "inputQuantityList": [{{Lot(world, lot, 100)}}],
             "outputQuantityList": [{"epcClass": "https://id.gs1.org/01/0{{other}}/10/{{lot}}", "quantity": 90, "uom": "KGM"}]}
            """;
        var unknownProduct = $$"""{"type": "ObjectEvent", "action": "ADD", {{At(0)}}, "quantityList": [{"epcClass": "https://id.gs1.org/01/0{{other}}/10/{{lot}}", "quantity": 5, "uom": "KGM"}]}""";
        var noTime = $$"""{"type": "ObjectEvent", "action": "ADD", "eventTimeZoneOffset": "+07:00", "quantityList": [{{Lot(world, lot, 100)}}]}""";

        var cases = new (string Document, StatusCode Status, string Start)[]
        {
            (Document(create, transform), StatusCode.FailedPrecondition, $"eventList[1]: outputs[0]: product 0{other} is not registered"),
            (Document(create, Ship(Ids.Gln())), StatusCode.FailedPrecondition, "eventList[1]: receiver_gln"),
            (Document(create, Ship(world.Distributor), receiveTooMuch), StatusCode.FailedPrecondition, "eventList[2]: received 120 KGM is more than"),
            (Document(unknownProduct), StatusCode.FailedPrecondition, $"eventList[0]: product 0{other} is not registered"),
            (Document(create, noTime), StatusCode.InvalidArgument, "eventList[1].eventTime: is required"),
            ("{\"type\": \"EPCISDocument\"", StatusCode.InvalidArgument, "document: is not JSON"),
        };
        foreach (var (document, status, start) in cases)
        {
            var refused = await RefusedAsync(document, world.Producer);
            Assert.True(refused.StatusCode == status && refused.Status.Detail.StartsWith(start, StringComparison.Ordinal), $"expected {status} '{start}...', got {refused.StatusCode} '{refused.Status.Detail}'");
        }

        var missing = await Assert.ThrowsAsync<RpcException>(() => world.GetAsync(lot));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var unknownActor = await RefusedAsync(Document(create), Ids.Gln());
        Assert.Equal(StatusCode.FailedPrecondition, unknownActor.StatusCode);
    }

    private async Task<ImportEpcisResponse> ImportAsync(string document, string actor) =>
        await Traces.ImportEpcisAsync(new ImportEpcisRequest { Document = document, ActorGln = actor });

    private Task<RpcException> RefusedAsync(string document, string actor) =>
        Assert.ThrowsAsync<RpcException>(() => Traces.ImportEpcisAsync(new ImportEpcisRequest { Document = document, ActorGln = actor }).ResponseAsync);

    private static string Document(params string[] events) =>
        $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "EPCISDocument",
          "schemaVersion": "2.0",
          "creationDate": "{{Time(0)}}",
          "epcisBody": { "eventList": [{{string.Join(",\n", events)}}] }
        }
        """;

    private static string Time(int minutes) =>
        Start.AddMinutes(minutes).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string At(int minutes) => $"\"eventTime\": \"{Time(minutes)}\", \"eventTimeZoneOffset\": \"+07:00\"";

    private static string Lot(World world, string lot, double? kilograms) =>
        kilograms is { } kg
            ? $"{{\"epcClass\": \"https://id.gs1.org/01/{world.Gtin}/10/{lot}\", \"quantity\": {kg.ToString(CultureInfo.InvariantCulture)}, \"uom\": \"KGM\"}}"
            : $"{{\"epcClass\": \"https://id.gs1.org/01/{world.Gtin}/10/{lot}\"}}";

    private static string Place(string gln) => $"https://id.gs1.org/414/{gln}";

    private static string Party(string gln) => $"https://id.gs1.org/417/{gln}";
}
