using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>A batch's custody steps come back in log order, from its creation to now.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChainOfCustodyTests(ServerFixture fixture)
{
    [Fact]
    public async Task Creation_shipments_a_rejection_a_receipt_and_a_split_come_back_in_order()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (lot, part) = (Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(lot, 500);
        await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 7, Unit = "P1" });
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await fixture.Batches.ReceiveBatchAsync(new ReceiveBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Distributor, Decision = ReceiveDecision.Reject, Reason = "seal broken",
        });
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await world.ReceiveAsync(lot, world.Distributor, 498);
        await fixture.Batches.SplitBatchAsync(new SplitBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Distributor,
            Parts = { new SplitPart { Lot = part, Quantity = new Quantity { Value = 200, Unit = "KGM" } } },
        });

        var custody = await lineage.Traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = lot });

        Assert.Equal((lot, 298.0, world.Distributor, 7L), (custody.Batch.Lot, custody.Batch.Quantity.Value, custody.Batch.CustodianGln, custody.Batch.Version));
        Assert.Equal(
            [
                (1L, CustodyStepKind.Produced, world.Producer, world.Producer, "", 500.0),
                (3L, CustodyStepKind.Shipped, world.Producer, world.Producer, world.Distributor, 500.0),
                (4L, CustodyStepKind.Rejected, world.Distributor, world.Producer, world.Producer, 0.0),
                (5L, CustodyStepKind.Shipped, world.Producer, world.Producer, world.Distributor, 500.0),
                (6L, CustodyStepKind.Received, world.Distributor, world.Distributor, world.Producer, 498.0),
                (7L, CustodyStepKind.Split, world.Distributor, world.Distributor, "", 200.0),
            ],
            custody.Steps.Select(s => (s.Version, s.Kind, s.ActorGln, s.CustodianGln, s.CounterpartyGln, s.Quantity?.Value ?? 0)).ToArray());
        Assert.Equal("seal broken", custody.Steps[2].Note);
        Assert.Equal(2.0, custody.Steps[4].Loss.Value);
        Assert.Equal((part, 200.0), (custody.Steps[5].Related.Single().Batch.Lot, custody.Steps[5].Related.Single().Quantity.Value));
        Assert.Equal(custody.Steps.Select(s => s.At.ToDateTimeOffset()).Order(), custody.Steps.Select(s => s.At.ToDateTimeOffset()));

        var child = await lineage.Traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = part });
        var origin = Assert.Single(child.Steps);
        Assert.Equal((CustodyStepKind.SplitOff, world.Distributor, 200.0), (origin.Kind, origin.CustodianGln, origin.Quantity.Value));
        Assert.Equal((lot, 200.0), (origin.Related.Single().Batch.Lot, origin.Related.Single().Quantity.Value));
    }

    [Fact]
    public async Task A_merge_ends_each_input_and_begins_the_merged_batch()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (x, y, merged) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(x, 30);
        await world.CreateBatchAsync(y, 20);
        await lineage.MergeAsync(merged, lineage.Ref(x), lineage.Ref(y));

        var input = await lineage.Traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = x });
        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.MergedInto], input.Steps.Select(s => s.Kind).ToArray());
        Assert.Equal((merged, 30.0), (input.Steps[1].Related.Single().Batch.Lot, input.Steps[1].Related.Single().Quantity.Value));

        var output = await lineage.Traces.GetChainOfCustodyAsync(new GetChainOfCustodyRequest { Gtin = world.Gtin, Lot = merged });
        var made = Assert.Single(output.Steps);
        Assert.Equal((CustodyStepKind.MergedFrom, world.Producer, 50.0), (made.Kind, made.ActorGln, made.Quantity.Value));
        Assert.Equal([(x, 30.0), (y, 20.0)], made.Related.Select(r => (r.Batch.Lot, r.Quantity.Value)).ToArray());
    }
}
