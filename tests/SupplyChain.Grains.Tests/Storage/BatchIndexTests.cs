using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Storage;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Storage;

[Collection(GrainsCollection.Name)]
public sealed class BatchIndexTests(ClusterFixture fixture)
{
    private async Task<IReadOnlyList<BatchRef>> ListAsync(Gln participant, BatchListing listing)
    {
        var (batches, next) = await fixture.Index.ListAsync(participant, listing, 100, null);
        Assert.True(next is null, $"expected one page of {listing} batches of {participant}, got a continuation token");
        return batches;
    }

    [Fact]
    public async Task Held_lists_follow_custody_and_produced_lists_stay_with_the_producer()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(12m);
        Assert.Equal([batch], await ListAsync(supply.Producer, BatchListing.Produced));
        Assert.Equal([batch], await ListAsync(supply.Producer, BatchListing.Held));

        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        Assert.Equal([batch], await ListAsync(supply.Producer, BatchListing.Held));
        Assert.Empty(await ListAsync(supply.Distributor, BatchListing.Held));

        await supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Distributor));
        Assert.Equal([batch], await ListAsync(supply.Distributor, BatchListing.Held));
        Assert.Empty(await ListAsync(supply.Producer, BatchListing.Held));
        Assert.Equal([batch], await ListAsync(supply.Producer, BatchListing.Produced));
        Assert.Empty(await ListAsync(supply.Distributor, BatchListing.Produced));

        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Distributor, supply.Retailer));
        await supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Retailer));
        Assert.Equal([batch], await ListAsync(supply.Retailer, BatchListing.Held));
        Assert.Empty(await ListAsync(supply.Distributor, BatchListing.Held));
    }

    [Fact]
    public async Task A_rejected_shipment_stays_in_the_shippers_held_list()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(12m);
        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));

        var rejected = await supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Distributor) with { Accept = false, Reason = "crushed boxes" });

        Assert.Equal((BatchStatus.Active, supply.Producer), (rejected.Batch.Status, rejected.Batch.Custodian));
        Assert.Equal([batch], await ListAsync(supply.Producer, BatchListing.Held));
        Assert.Empty(await ListAsync(supply.Distributor, BatchListing.Held));
    }

    [Fact]
    public async Task Consumed_batches_leave_the_held_list_and_the_batches_made_from_them_join_it()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var a = await supply.ProduceAsync(5m);
        var b = await supply.ProduceAsync(7m);
        var child = supply.NewLot();
        await supply.Batch(b).SplitAsync(new SplitBatch(Fresh.EventId(), b, supply.Producer, [new BatchPart(child, Supply.Kg(7m))], supply.Producer, null));
        var output = supply.NewLot();

        await supply.Batch(output).MergeAsync(new MergeBatches(Fresh.EventId(), [a, child], output, supply.Producer, supply.Producer, null));

        Assert.Equal([output], await ListAsync(supply.Producer, BatchListing.Held));
        // A split child keeps its parent's producer; the merger (here the same participant) produces the merged batch.
        Assert.Equal(new[] { a, b, child, output }.OrderBy(r => r.Key, StringComparer.Ordinal), await ListAsync(supply.Producer, BatchListing.Produced));
    }

    [Fact]
    public async Task A_list_reads_page_by_page_with_the_token_of_the_page_before()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var made = new List<BatchRef>();
        for (var i = 0; i < 3; i++)
        {
            made.Add(await supply.ProduceAsync(1m + i));
        }

        var (first, token) = await fixture.Index.ListAsync(supply.Producer, BatchListing.Produced, 2, null);
        Assert.False(token is null, "expected a token for the rest of the list after a full first page");
        var (second, end) = await fixture.Index.ListAsync(supply.Producer, BatchListing.Produced, 2, token);

        Assert.Equal(2, first.Count);
        Assert.True(end is null, $"expected no token after the last page, got '{end}'");
        Assert.Equal(made.OrderBy(r => r.Key, StringComparer.Ordinal), first.Concat(second));
    }
}
