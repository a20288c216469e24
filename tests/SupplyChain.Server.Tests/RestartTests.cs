using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Stopping the server with SIGTERM and starting it again loses nothing: everything lives in Azure Storage.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly ServerFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Everything_written_before_a_restart_is_there_after_it()
    {
        var world = await new World(_fixture).RegisterAsync();
        var chainId = "restart-" + Ids.Lot().ToLowerInvariant();
        await _fixture.Chains.DefineChainAsync(new DefineChainRequest
        {
            ChainId = chainId, Name = "restart chain",
            Stages = { new Stage { Name = "production", ParticipantGlns = { world.Producer } }, new Stage { Name = "distribution", ParticipantGlns = { world.Distributor } } },
        });
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 300, chainId);
        await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 4, Unit = "P1" });
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await world.ReceiveAsync(lot, world.Distributor, 299);
        var before = await world.GetAsync(lot);
        var historyBefore = await _fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });

        Assert.True(await _fixture.Server.StopAsync(), "the server should stop gracefully on SIGTERM");
        await _fixture.Server.RestartAsync();

        var after = await world.GetAsync(lot);
        Assert.Equal(before, after);
        var historyAfter = await _fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal(historyBefore, historyAfter);
        var producer = await _fixture.Participants.GetParticipantAsync(new GetParticipantRequest { Gln = world.Producer });
        Assert.Equal([world.Gtin], producer.ProductGtins.ToArray());
        var product = await _fixture.Participants.GetProductAsync(new GetProductRequest { Gtin = world.Gtin13 });
        Assert.Equal(4, product.OcopStars);
        var report = await _fixture.Chains.GetChainReportAsync(new GetChainRequest { ChainId = chainId });
        Assert.Equal(lot, Assert.Single(report.Stages[1].Batches).Lot);
        var held = await _fixture.Batches.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = world.Distributor, Listing = BatchListing.Held });
        Assert.Equal(lot, Assert.Single(held.Batches).Lot);

        var next = await world.CheckAsync(lot, world.Distributor, CheckpointKind.Environmental, new Measurement { Type = "temperature", Value = 30, Unit = "CEL" });
        Assert.Equal(before.Version + 1, next.Receipt.Version);
        var last = await _fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot, FromVersion = next.Receipt.Version });
        Assert.Equal(before.HeadHash, Assert.Single(last.Events).PreviousHash);
    }
}
