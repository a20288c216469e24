using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain;
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

    [Fact]
    public async Task A_token_not_issued_for_the_list_is_refused_naming_page_token()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        for (var i = 0; i < 3; i++)
        {
            await supply.ProduceAsync(1m + i);
        }

        var (_, token) = await fixture.Index.ListAsync(supply.Producer, BatchListing.Produced, 2, null);
        Assert.False(token is null, "expected a token after a full first page");
        var damaged = token![..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var forged = new[] { "1!00000000000000000000 2!0000", "not a token", Convert.ToBase64String("b1\nx\ny\nz"u8.ToArray()), damaged, token[..(token.Length / 2)] };
        foreach (var bad in forged)
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => fixture.Index.ListAsync(supply.Producer, BatchListing.Produced, 2, bad));
            Assert.Equal(Refusal.InvalidArgument, refused.Refusal);
            Assert.StartsWith("page_token: is not a token this service issued", refused.Message, StringComparison.Ordinal);
        }

        foreach (var (participant, listing) in new[] { (supply.Distributor, BatchListing.Produced), (supply.Producer, BatchListing.Held) })
        {
            var foreign = await Assert.ThrowsAsync<DomainException>(() => fixture.Index.ListAsync(participant, listing, 2, token));
            Assert.Equal(Refusal.InvalidArgument, foreign.Refusal);
            Assert.StartsWith("page_token: was issued for another participant's or another listing's batches", foreign.Message, StringComparison.Ordinal);
        }

        var (rest, end) = await fixture.Index.ListAsync(supply.Producer, BatchListing.Produced, 2, token);
        Assert.Single(rest);
        Assert.True(end is null, $"expected no token after the last page, got '{end}'");
    }
}
