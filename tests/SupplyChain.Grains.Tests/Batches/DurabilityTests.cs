using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Grains.Chains;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Abstractions.Products;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

[Collection(GrainsCollection.Name)]
public sealed class DurabilityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_deactivated_batch_reads_back_the_same_state_and_history_from_storage()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);
        await grain.RecordCheckpointAsync(supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 10m, "%")));
        var last = await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        var history = await grain.GetHistoryAsync(1, 100);

        await fixture.Cluster.DeactivateAsync(grain);
        Assert.False(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _), $"expected batch {batch} to have no activation after DeactivateAsync");

        var state = await grain.GetAsync();
        Assert.NotNull(state);
        Assert.Equal((3L, last.Event.Hash, BatchStatus.InTransit), (state.Version, state.HeadHash, state.Status));
        Canonical.Same(last.Batch, state, "the reactivated batch");
        var reread = await grain.GetHistoryAsync(1, 100);
        Canonical.Same(history, reread, "the reactivated batch's history");
        HashChain.Verify(reread);
    }

    [Fact]
    public async Task A_retry_after_deactivation_is_still_a_replay()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);
        var ship = supply.Ship(batch, supply.Producer, supply.Distributor);
        var first = await grain.ShipAsync(ship);

        await fixture.Cluster.DeactivateAsync(grain);
        var retry = await grain.ShipAsync(ship);

        Assert.True(retry.Replayed, "expected the retry after a reactivation to be a replay");
        Assert.Equal((first.Event.Version, first.Event.Hash), (retry.Event.Version, retry.Event.Hash));
        Assert.Equal(2L, (await grain.GetAsync())?.Version);
    }

    [Fact]
    public async Task A_second_cluster_on_the_same_storage_reads_everything_back_and_continues_the_hash_chain()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var chainId = Fresh.ChainId();
        var chain = ChainDefinition.Create(chainId, "Northern tea", [new Stage("farm", [supply.Producer], [], []), new Stage("store", [supply.Distributor], [], [])], 48);
        await fixture.Client.GetGrain<IChainGrain>(chainId).DefineAsync(chain);
        var batch = await supply.ProduceAsync(60m, chainId);
        var shipped = await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        var defined = await fixture.Client.GetGrain<IChainGrain>(chainId).GetAsync();
        var report = await fixture.Client.GetGrain<IChainGrain>(chainId).GetReportAsync();
        var producer = await fixture.Client.GetGrain<IParticipantGrain>(supply.Producer.Value).GetAsync();
        var product = await fixture.Client.GetGrain<IProductGrain>(supply.Tea.Gtin.Value).GetAsync();

        await using var second = await fixture.StartClusterAsync();
        var client = second.Client;

        Canonical.Same(producer, await client.GetGrain<IParticipantGrain>(supply.Producer.Value).GetAsync(), "the producer read by the second cluster");
        Canonical.Same(product, await client.GetGrain<IProductGrain>(supply.Tea.Gtin.Value).GetAsync(), "the product read by the second cluster");
        Canonical.Same(defined, await client.GetGrain<IChainGrain>(chainId).GetAsync(), "the chain read by the second cluster");
        Canonical.Same(report, await client.GetGrain<IChainGrain>(chainId).GetReportAsync(), "the chain report of the second cluster");
        var grain = client.GetGrain<IBatchGrain>(batch.Key);

        // While the first cluster's journal may hold events of the batch, the second waits for it.
        var waiting = await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => grain.GetAsync());
        Assert.Contains("another silo's journal", waiting.Message);
        await fixture.Cluster.DeactivateAsync(supply.Batch(batch));

        Canonical.Same(shipped.Batch, await grain.GetAsync(), "the batch read by the second cluster");

        var received = await grain.ReceiveAsync(supply.Receive(batch, supply.Distributor));

        Assert.Equal((3L, shipped.Event.Hash), (received.Event.Version, received.Event.PreviousHash));
        HashChain.Verify(await grain.GetHistoryAsync(1, 100));
        var after = await client.GetGrain<IChainGrain>(chainId).GetReportAsync();
        Assert.Equal([batch], after.Stages.Single(s => s.Name == "store").Batches);
        Assert.IsType<BatchReceived>(received.Event.Event);
    }
}
