using System.Security.Cryptography;
using System.Text;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>A producer makes a batch, checks it, ships it; a distributor receives it; an auditor reads it all back.</summary>
[Collection(ServerCollection.Name)]
public sealed class BatchStoryTests(ServerFixture fixture)
{
    [Fact]
    public async Task Produce_check_ship_receive_is_recorded_in_order_with_a_valid_hash_chain()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();

        var created = await world.CreateBatchAsync(lot, 500);
        Assert.Equal(1, created.Receipt.Version);
        Assert.False(created.Receipt.Replayed);
        Assert.Equal(BatchStatus.Active, created.Batch.Status);
        Assert.Equal(world.Gtin, created.Batch.Gtin);
        Assert.Equal($"01/{world.Gtin}/10/{lot}", created.Batch.DigitalLink);

        var passed = await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 6.5, Unit = "P1" });
        Assert.Equal(Verdict.Pass, passed.Verdict);
        Assert.True(Assert.Single(passed.Results).WithinLimit);

        var failed = await world.CheckAsync(lot, world.Producer, CheckpointKind.Environmental, new Measurement { Type = "nacl", Value = 85, Unit = "P1" });
        Assert.Equal(Verdict.Fail, failed.Verdict);
        Assert.Equal("product", failed.Results[0].LimitSource);
        Assert.Equal(BatchStatus.Active, failed.Batch.Status);

        var shipped = await world.ShipAsync(lot, world.Producer, world.Distributor);
        Assert.Equal(BatchStatus.InTransit, shipped.Batch.Status);
        Assert.Equal(world.Distributor, shipped.Batch.PendingReceiverGln);
        Assert.Equal(world.Producer, shipped.Batch.CustodianGln);

        var received = await world.ReceiveAsync(lot, world.Distributor, 498.5);
        Assert.Equal(BatchStatus.Active, received.Batch.Status);
        Assert.Equal(world.Distributor, received.Batch.CustodianGln);
        Assert.Equal(498.5, received.Batch.Quantity.Value);

        var batch = await world.GetAsync(lot);
        Assert.Equal(5, batch.Version);
        Assert.Equal(received.Receipt.Hash, batch.HeadHash);
        Assert.Equal(1, batch.FailedCheckpoints);

        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal(
            [EventType.Created, EventType.CheckpointRecorded, EventType.CheckpointRecorded, EventType.Shipped, EventType.Received],
            history.Events.Select(e => e.Type).ToArray());
        Assert.Equal(0, history.NextFromVersion);
        Assert.Contains("loss 1.5 KGM", history.Events[4].Summary, StringComparison.Ordinal);
        Assert.Equal(["commissioning", "other", "sensor_reporting", "shipping", "receiving"], history.Events.Select(e => e.BizStep).ToArray());

        var previous = "";
        foreach (var e in history.Events)
        {
            Assert.Equal(previous, e.PreviousHash);
            var recomputed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\n" + e.CanonicalJson)));
            Assert.Equal(recomputed, e.Hash);
            previous = e.Hash;
        }
    }

    [Fact]
    public async Task History_pages_follow_next_from_version()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        for (var i = 0; i < 4; i++)
        {
            await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 5 + i, Unit = "P1" });
        }

        var first = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot, PageSize = 2 });
        Assert.Equal([1L, 2L], first.Events.Select(e => e.Version).ToArray());
        Assert.Equal(3, first.NextFromVersion);
        var last = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot, PageSize = 2, FromVersion = 5 });
        Assert.Equal([5L], last.Events.Select(e => e.Version).ToArray());
        Assert.Equal(0, last.NextFromVersion);
    }

    [Fact]
    public async Task Lists_come_from_the_producer_and_custodian_indexes()
    {
        var world = await new World(fixture).RegisterAsync();
        var lots = new[] { Ids.Lot(), Ids.Lot(), Ids.Lot() };
        foreach (var lot in lots)
        {
            await world.CreateBatchAsync(lot);
        }

        await world.ShipAsync(lots[0], world.Producer, world.Distributor);
        await world.ReceiveAsync(lots[0], world.Distributor);

        var produced = await ListAllAsync(world.Producer, BatchListing.Produced, pageSize: 2);
        Assert.Equal(lots.Order(StringComparer.Ordinal), produced.Select(b => b.Lot).Order(StringComparer.Ordinal));
        var heldByProducer = await ListAllAsync(world.Producer, BatchListing.Held, pageSize: 50);
        Assert.Equal(lots[1..].Order(StringComparer.Ordinal), heldByProducer.Select(b => b.Lot).Order(StringComparer.Ordinal));
        var heldByDistributor = await ListAllAsync(world.Distributor, BatchListing.Held, pageSize: 50);
        Assert.Equal(lots[0], Assert.Single(heldByDistributor).Lot);
    }

    private async Task<List<Batch>> ListAllAsync(string gln, BatchListing listing, int pageSize)
    {
        var all = new List<Batch>();
        var token = "";
        do
        {
            var page = await fixture.Batches.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = gln, Listing = listing, PageSize = pageSize, PageToken = token });
            Assert.True(page.Batches.Count <= pageSize, $"page of {page.Batches.Count} is over the page size {pageSize}");
            all.AddRange(page.Batches);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
