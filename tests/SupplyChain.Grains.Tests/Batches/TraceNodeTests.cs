using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Traces;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

/// <summary>A batch grain answers traces from a trail it builds from its log once and keeps current on each append.</summary>
[Collection(GrainsCollection.Name)]
public sealed class TraceNodeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_trail_built_on_the_first_trace_follows_later_appends_and_matches_a_rebuild_after_reactivation()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);
        await grain.RecordCheckpointAsync(supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 10m, "%")));

        var first = await grain.GetTraceNodeAsync();
        Assert.NotNull(first);
        Assert.Equal((2L, 2L, 1, 1), (first.State.Version, first.Trail.Version, first.Trail.Custody.Count, first.Trail.Checkpoints.Count));

        await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        await grain.ReceiveAsync(supply.Receive(batch, supply.Distributor, 59.5m));
        var kept = await grain.GetTraceNodeAsync();
        Assert.NotNull(kept);
        Assert.Equal((4L, 4L), (kept.State.Version, kept.Trail.Version));
        Assert.Equal([CustodyStepKind.Produced, CustodyStepKind.Shipped, CustodyStepKind.Received], kept.Trail.Custody.Select(s => s.Kind).ToArray());
        Assert.Equal((supply.Distributor, Supply.Kg(0.5m)), (kept.Trail.Custodian, kept.Trail.Custody[2].Loss));

        await fixture.Cluster.DeactivateAsync(grain);
        var rebuilt = await grain.GetTraceNodeAsync();
        Assert.NotNull(rebuilt);
        Assert.Equal(Steps(kept.Trail), Steps(rebuilt.Trail));
        Assert.Equal(kept.Trail.Checkpoints.Select(c => (c.Version, c.Step, c.Verdict)), rebuilt.Trail.Checkpoints.Select(c => (c.Version, c.Step, c.Verdict)));
        Assert.Equal((kept.State.Version, kept.State.HeadHash), (rebuilt.State.Version, rebuilt.State.HeadHash));
    }

    [Fact]
    public async Task The_head_row_keeps_the_trail_so_a_cold_trace_reads_one_row()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);
        await grain.RecordCheckpointAsync(supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 10m, "%")));
        await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        await grain.WriteOutNowAsync();

        var store = new SupplyChain.Grains.Storage.BatchLogStore(new SupplyChain.Grains.Storage.Tables(
            Microsoft.Extensions.Options.Options.Create(new SupplyChain.Grains.Storage.StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })));
        var head = await store.ReadHeadAsync(batch);
        Assert.NotNull(head);
        var stored = head.Trail;
        Assert.NotNull(stored);
        var rebuilt = BatchTrail.Of((await store.ReadEventsAsync(batch, 1, 10)).Select(e => e.Recorded))!;
        Assert.Equal(3, stored.Version);
        Assert.Equal(Steps(rebuilt), Steps(stored));
        Assert.Equal(rebuilt.Checkpoints.Select(c => (c.Version, c.Step, c.Verdict)), stored.Checkpoints.Select(c => (c.Version, c.Step, c.Verdict)));
    }

    [Fact]
    public async Task A_batch_that_does_not_exist_has_no_trace_node()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);

        Assert.Null(await supply.Batch(supply.NewLot()).GetTraceNodeAsync());
    }

    private static IEnumerable<(long, CustodyStepKind, string, string, decimal?)> Steps(BatchTrail trail) =>
        trail.Custody.Select(s => (s.Version, s.Kind, s.Custodian.Value, s.Counterparty?.Value ?? "", s.Quantity?.Value)).ToList();
}
