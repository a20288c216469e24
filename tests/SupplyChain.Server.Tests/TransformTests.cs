using System.Text.Json.Nodes;
using Grpc.Core;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>TransformBatches over gRPC: salt lots become jars of salted eggs, a product of another GTIN and unit; traces and recalls walk through.</summary>
[Collection(ServerCollection.Name)]
public sealed class TransformTests(ServerFixture fixture)
{
    private static Quantity Kg(double value) => new() { Value = value, Unit = "KGM" };

    private static Quantity Jars(double count) => new() { Value = count, Unit = "H87" };

    /// <summary>A world whose producer also makes jars of salted eggs (H87).</summary>
    private async Task<(World World, string Jar)> WorldAsync()
    {
        var world = await new World(fixture).RegisterAsync();
        var jar = Ids.Gtin13();
        await fixture.Participants.RegisterProductAsync(new RegisterProductRequest
        {
            Gtin = jar, ProducerGln = world.Producer, Name = "Salted duck eggs, jar of 10", Category = "eggs", Unit = "H87",
        });
        return (world, Ids.Gtin14(jar));
    }

    private TransformBatchesRequest Request(World world, string jar, string a, string b, string j1, string j2) => new()
    {
        EventId = Ids.EventId(),
        Inputs =
        {
            new TransformInput { Gtin = world.Gtin, Lot = a, Quantity = Kg(30) },
            new TransformInput { Gtin = world.Gtin, Lot = b },
        },
        Outputs =
        {
            new TransformOutput { Gtin = jar, Lot = j1, Quantity = Jars(40) },
            new TransformOutput { Gtin = jar, Lot = j2, Quantity = Jars(10) },
        },
        ActorGln = world.Producer,
    };

    [Fact]
    public async Task A_transformation_consumes_what_its_inputs_give_makes_its_outputs_and_a_trace_walks_through_it()
    {
        var (world, jar) = await WorldAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, j1, j2) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await world.CreateBatchAsync(b, 20);
        var request = Request(world, jar, a, b, j1, j2);

        var reply = await fixture.Batches.TransformBatchesAsync(request);

        Assert.Equal((jar, j1, 40.0, "H87", BatchStatus.Active, world.Producer), (reply.Batch.Gtin, reply.Batch.Lot, reply.Batch.Quantity.Value, reply.Batch.Quantity.Unit, reply.Batch.Status, reply.Batch.ProducerGln));
        Assert.Equal([a, b], reply.Batch.Parents.Select(p => p.Lot).ToArray());
        Assert.Equal([(j2, 10.0, BatchStatus.Active), (a, 70.0, BatchStatus.Active), (b, 0.0, BatchStatus.Consumed)], reply.Related.Select(r => (r.Lot, r.Quantity.Value, r.Status)).ToArray());
        Assert.Equal([j1, j2], (await world.GetAsync(a)).Children.Select(c => c.Lot).ToArray());
        var used = (await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = a })).Events[1];
        Assert.Equal((EventType.Transformed, 30.0, "transforming"), (used.Type, used.Quantity.Value, used.BizStep));
        Assert.Equal([j1, j2], used.Related.Select(r => r.Lot).ToArray());

        var retry = await fixture.Batches.TransformBatchesAsync(request);
        Assert.True(retry.Receipt.Replayed, "expected the same transformation sent again to be a replay");
        Assert.Equal((reply.Receipt.Version, reply.Receipt.Hash), (retry.Receipt.Version, retry.Receipt.Hash));
        Assert.Equal(2, (await world.GetAsync(a)).Version);

        var back = await lineage.Traces.TraceBackAsync(new TraceBackRequest { Gtin = jar, Lot = j2 });
        Assert.Equal([(j2, 0, BatchOrigin.Transformed), (a, 1, BatchOrigin.Produced), (b, 1, BatchOrigin.Produced)], back.Batches.Select(t => (t.Batch.Lot, t.Depth, t.Origin)).ToArray());
        Assert.Equal([(a, j2, 30.0), (b, j2, 20.0)], back.Edges.Select(e => (e.Parent.Lot, e.Child.Lot, e.Quantity.Value)).ToArray());
        var forward = await lineage.ForwardAsync(a);
        Assert.Equal([a, j1, j2], forward.Batches.Select(t => t.Batch.Lot).ToArray());
        var custody = await lineage.Traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = b });
        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.TransformedInto], custody.Steps.Select(s => s.Kind).ToArray());

        var export = await lineage.Traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = jar, Lot = j2, Direction = TraceDirection.Back });
        var document = JsonNode.Parse(export.Document)!;
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, $"the exported document does not validate:\n{string.Join("\n", errors)}\n{export.Document}");
        var transformation = Assert.Single(document["epcisBody"]!["eventList"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "TransformationEvent")!;
        Assert.Equal(2, transformation["inputQuantityList"]!.AsArray().Count);
        Assert.Equal(2, transformation["outputQuantityList"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_recall_of_an_input_reaches_every_output()
    {
        var (world, jar) = await WorldAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, j1, j2) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await world.CreateBatchAsync(b, 20);
        await fixture.Batches.TransformBatchesAsync(Request(world, jar, a, b, j1, j2));

        var recall = await lineage.RecallAsync(b);

        Assert.Equal([(b, 0, BatchStatus.Consumed), (j1, 1, BatchStatus.Recalled), (j2, 1, BatchStatus.Recalled)], recall.Batches.Select(r => (r.Batch.Lot, r.Depth, r.Status)).ToArray());
        Assert.Equal(BatchStatus.Active, (await world.GetAsync(a)).Status);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_field_or_rule_and_change_nothing()
    {
        var (world, jar) = await WorldAsync();
        var (a, b, j1, j2) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        var unregistered = Ids.Gtin13();
        await world.CreateBatchAsync(a, 100);
        await world.CreateBatchAsync(b, 20);
        await fixture.Batches.CreateBatchAsync(new CreateBatchRequest { EventId = Ids.EventId(), Gtin = jar, Lot = b, Quantity = Jars(3), ProducerGln = world.Producer });
        TransformBatchesRequest With(Action<TransformBatchesRequest> change)
        {
            var request = Request(world, jar, a, b, j1, j2);
            change(request);
            return request;
        }

        var cases = new (TransformBatchesRequest Request, StatusCode Status, string Start)[]
        {
            (With(r => r.Outputs.Clear()), StatusCode.InvalidArgument, "outputs: a transformation needs at least one output batch"),
            (With(r => r.Inputs.Clear()), StatusCode.InvalidArgument, "inputs: a transformation needs at least one input batch"),
            (With(r => r.Outputs[1].Gtin = "8930000000011"), StatusCode.InvalidArgument, "outputs[1].gtin: '8930000000011' has check digit 1"),
            (With(r => r.Outputs[0].Quantity = null), StatusCode.InvalidArgument, "outputs[0].quantity: is required"),
            (With(r => r.Outputs[1].Quantity = Kg(5)), StatusCode.InvalidArgument, "outputs[1].quantity.unit: KGM differs from the unit H87"),
            (With(r => r.Inputs[1].Lot = "GONE"), StatusCode.NotFound, $"inputs[1]: batch {world.Gtin}/GONE does not exist"),
            (With(r => r.Inputs[0].Quantity = Kg(100.5)), StatusCode.FailedPrecondition, "inputs[0]: uses 100.5 KGM of batch"),
            (With(r => r.ActorGln = world.Distributor), StatusCode.PermissionDenied, $"batch {world.Gtin}/{a} is held by {world.Producer}"),
            (With(r => (r.Outputs[1].Gtin, r.Outputs[1].Lot, r.Outputs[1].Quantity) = (world.Gtin, a, Kg(1))), StatusCode.InvalidArgument, $"outputs[1]: {world.Gtin}/{a} is also an input"),
            (With(r => r.Outputs[1].Gtin = unregistered), StatusCode.FailedPrecondition, $"outputs[1]: product {Ids.Gtin14(unregistered)} is not registered"),
            (With(r => r.Outputs[1].Lot = b), StatusCode.AlreadyExists, $"outputs[1]: batch {jar}/{b} already exists"),
        };
        foreach (var (request, status, start) in cases)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.TransformBatchesAsync(request).ResponseAsync);
            Assert.True(refused.StatusCode == status && refused.Status.Detail.StartsWith(start, StringComparison.Ordinal), $"expected {status} '{start}...', got {refused.StatusCode} '{refused.Status.Detail}'");
        }

        foreach (var (lot, kg) in new[] { (a, 100.0), (b, 20.0) })
        {
            var batch = await world.GetAsync(lot);
            Assert.Equal((1L, kg, BatchStatus.Active), (batch.Version, batch.Quantity.Value, batch.Status));
        }

        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = jar, Lot = j1 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
