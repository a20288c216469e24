using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.Testing;
using SupplyChain.V1;
using Gtin = SupplyChain.Domain.Identifiers.Gtin;

namespace SupplyChain.Server.Tests;

/// <summary>
/// The GS1 example documents captured through ImportEpcis once the participants, products and lots they presuppose are
/// registered. Their identifiers are fixed, and the two transformation examples name the same lots, so each of those runs
/// on a server of its own (its own tables in the shared Azurite).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class Gs1ExampleImportTests(ServerFixture fixture)
{
    private static string GtinOf(string body) => Gtin.FromBody(body).Value;

    private static Timestamp At(int year, int month, int day) => Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_object_event_example_ships_both_items_to_the_given_receiver_who_receives_one_and_a_second_import_replays()
    {
        var world = await new World(fixture).RegisterAsync();
        var api = new Api(fixture.Server);
        var gtin = GtinOf("1061414107346");
        await api.ProductAsync(gtin, world.Producer, "H87");
        foreach (var lot in new[] { "2017", "2018" })
        {
            await api.CreateAsync(gtin, lot, 1, "H87", world.Producer, At(2005, 4, 1));
        }

        var document = Gs1Files.Example("Example_9.6.1-ObjectEvent.jsonld");
        var imported = await api.ImportAsync(document, world.Producer, world.Distributor);

        Assert.Equal((2, 3, 2, 1, 0), (imported.EventCount, imported.CommandCount, imported.Shipped, imported.Received, imported.Replayed));
        var travelling = await api.GetAsync(gtin, "2017");
        var arrived = await api.GetAsync(gtin, "2018");
        Assert.Equal((BatchStatus.InTransit, world.Producer, world.Distributor), (travelling.Status, travelling.CustodianGln, travelling.PendingReceiverGln));
        Assert.Equal((BatchStatus.Active, world.Distributor, 1.0), (arrived.Status, arrived.CustodianGln, arrived.Quantity.Value));

        var again = await api.ImportAsync(document, world.Producer, world.Distributor);

        Assert.Equal((3, 3), (again.CommandCount, again.Replayed));
        Assert.Equal((travelling.Version, arrived.Version), ((await api.GetAsync(gtin, "2017")).Version, (await api.GetAsync(gtin, "2018")).Version));
    }

    [Theory]
    [InlineData("Example_9.6.4-TransformationEvent.jsonld")]
    [InlineData("Example_9.6.4-TransformationEventWithDigitalLink.jsonld")]
    public async Task A_transformation_example_is_refused_whole_while_an_input_is_missing_then_makes_four_items_and_replays(string example)
    {
        await using var server = await ServerProcess.StartAsync(
            fixture.Azurite.ConnectionString, new Dictionary<string, string> { ["Storage__TablePrefix"] = "ex" + Guid.NewGuid().ToString("N")[..12] });
        var api = new Api(server);
        var processor = Ids.Gln();
        await api.Participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = processor, Name = "GS1 example processor", Roles = { Role.Processor } });
        var inputs = new (string Gtin, string Lot, double Held, string Unit)[]
        {
            (GtinOf("0401234511122"), "25", 1, "H87"),
            (GtinOf("0400000165432"), "99886655", 1, "H87"),
            (GtinOf("0401234511111"), "4444", 25, "KGM"),
            (GtinOf("0061414177777"), "987", 30, "H87"),
        };
        var item = GtinOf("0401234577889");
        foreach (var gtin in inputs.Select(i => (i.Gtin, i.Unit)).Append((item, "H87")))
        {
            await api.ProductAsync(gtin.Item1, processor, gtin.Item2);
        }

        foreach (var input in inputs.Take(3))
        {
            await api.CreateAsync(input.Gtin, input.Lot, input.Held, input.Unit, processor, At(2013, 10, 1));
        }

        var document = Gs1Files.Example(example);
        var refused = await Assert.ThrowsAsync<RpcException>(() => api.ImportAsync(document, processor));
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.StartsWith($"eventList[0]: inputs[3]: batch {inputs[3].Gtin}/987 does not exist", refused.Status.Detail, StringComparison.Ordinal);
        Assert.All(await Task.WhenAll(inputs.Take(3).Select(i => api.GetAsync(i.Gtin, i.Lot))), batch => Assert.Equal((1L, BatchStatus.Active), (batch.Version, batch.Status)));
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => api.GetAsync(item, "25"))).StatusCode);

        await api.CreateAsync(inputs[3].Gtin, inputs[3].Lot, inputs[3].Held, inputs[3].Unit, processor, At(2013, 10, 1));
        var imported = await api.ImportAsync(document, processor);

        Assert.Equal((1, 1, 1, 0), (imported.EventCount, imported.CommandCount, imported.Transformed, imported.Replayed));
        Assert.Equal("eventList[0].inputQuantityList[2].epcClass", Assert.Single(imported.Notes).Split(':')[0]);
        Assert.Equal(8, imported.Batches.Count);
        foreach (var lot in new[] { "25", "26", "27", "28" })
        {
            var made = await api.GetAsync(item, lot);
            Assert.Equal((1.0, "H87", processor, BatchStatus.Active, 4), (made.Quantity.Value, made.Quantity.Unit, made.ProducerGln, made.Status, made.Parents.Count));
        }

        var left = await Task.WhenAll(inputs.Select(i => api.GetAsync(i.Gtin, i.Lot)));
        Assert.Equal(
            [(0.0, BatchStatus.Consumed), (0.0, BatchStatus.Consumed), (15.0, BatchStatus.Active), (0.0, BatchStatus.Consumed)],
            left.Select(b => (b.Quantity.Value, b.Status)).ToArray());
        var back = await api.Traces.TraceBackAsync(new TraceBackRequest { Gtin = item, Lot = "28" });
        Assert.Equal(5, back.BatchCount);
        Assert.Equal([1.0, 1.0, 10.0, 30.0], back.Edges.OrderBy(e => e.Quantity.Value).Select(e => e.Quantity.Value).ToArray());

        var again = await api.ImportAsync(document, processor);

        Assert.Equal((1, 1), (again.CommandCount, again.Replayed));
        Assert.Equal(left.Select(b => b.Version), (await Task.WhenAll(inputs.Select(i => api.GetAsync(i.Gtin, i.Lot)))).Select(b => b.Version));
        Assert.Equal(1, (await api.GetAsync(item, "28")).Version);
    }

    /// <summary>The calls the tests make, on one server.</summary>
    private sealed class Api(ServerProcess server)
    {
        public ParticipantService.ParticipantServiceClient Participants { get; } = new(server.Channel);

        public BatchService.BatchServiceClient Batches { get; } = new(server.Channel);

        // The object event example has a shipper and a receiver act: an administrator imports in both their names.
        public TraceService.TraceServiceClient Traces { get; } = new(server.As(null, "admin"));

        public Task<Product> ProductAsync(string gtin, string producer, string unit) =>
            Participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin, ProducerGln = producer, Name = $"GS1 example item {gtin}", Category = "example", Unit = unit }).ResponseAsync;

        public Task<BatchEventResponse> CreateAsync(string gtin, string lot, double quantity, string unit, string producer, Timestamp producedAt) =>
            Batches.CreateBatchAsync(new CreateBatchRequest
            {
                EventId = Ids.EventId(), Gtin = gtin, Lot = lot, Quantity = new Quantity { Value = quantity, Unit = unit }, ProducerGln = producer, ProducedAt = producedAt,
            }).ResponseAsync;

        public Task<Batch> GetAsync(string gtin, string lot) => Batches.GetBatchAsync(new GetBatchRequest { Gtin = gtin, Lot = lot }).ResponseAsync;

        public Task<ImportEpcisResponse> ImportAsync(string document, string actor, string receiver = "") =>
            Traces.ImportEpcisAsync(new ImportEpcisRequest { Document = document, ActorGln = actor, ReceiverGln = receiver }).ResponseAsync;
    }
}
