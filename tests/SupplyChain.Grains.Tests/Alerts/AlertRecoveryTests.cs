using Microsoft.Extensions.Options;
using SupplyChain.Abstractions.Alerts;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Participants;
using SupplyChain.Grains.Storage;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Alerts;

/// <summary>
/// An alert is stored before its write is answered; a silo that dies between journaling an event and storing its alerts
/// leaves them to the batch, which stores them when it next loads the head the sweep wrote, once however often it loads.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class AlertRecoveryTests(ClusterFixture fixture)
{
    private BatchLogStore Store => new(new Tables(Options.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })));

    [Fact]
    public async Task A_failed_check_is_in_the_custodians_alert_log_when_its_write_is_answered()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var reply = await supply.FailFoodSafetyAsync(batch);

        var stored = await Hub(supply).ReadAsync(0, 100);
        Assert.Equal([AlertKind.CheckpointFailed, AlertKind.Held], stored.Select(e => e.Alert.Kind));
        Assert.Equal([1L, 2L], stored.Select(e => e.Id));
        Assert.All(stored, e => Assert.Equal((batch, reply.Event.Version), (e.Alert.Batch, e.Alert.Version)));

        // Raised again by the retry of the same write: stored once, under the same id.
        var again = await Hub(supply).AppendAsync(stored[0].Alert);
        Assert.Equal(1L, again.Id);
        Assert.Equal(2, (await Hub(supply).ReadAsync(0, 100)).Count);
    }

    [Fact]
    public async Task A_batch_stores_the_alerts_of_events_a_sweep_wrote_out_without_it_once_however_often_it_loads()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);
        var created = (await grain.GetAsync())!;
        await grain.WriteOutNowAsync();
        await fixture.Cluster.DeactivateAsync(grain);

        // A silo journaled a recall of the batch and died before storing its alert; the sweep of its journal writes the event out.
        var auditor = Fresh.Gln();
        var recall = BatchRules.Recall(created, new RecallBatch(Fresh.EventId(), batch, auditor, "R-1", batch, "lead above limit"), Supply.Party(auditor, Role.Auditor), DateTimeOffset.UtcNow);
        var (recorded, canonical) = EventHash.Record(batch, created.Version + 1, created.HeadHash, DateTimeOffset.UtcNow, recall);
        var head = await Store.ReadHeadAsync(batch);
        Assert.NotNull(await Store.ClaimAsync(batch, head!.ETag, "dead-writer"));
        await Store.SettleAsync(batch, [new StoredEvent(recorded, canonical, "fingerprint")], "dead-writer");
        Assert.Equal(recorded.Version, (await Store.ReadHeadAsync(batch))!.SettledFrom);
        Assert.Empty(await Hub(supply).ReadAsync(0, 100));

        Assert.Equal(BatchStatus.Recalled, (await grain.GetAsync())!.Status);
        var stored = Assert.Single(await Hub(supply).ReadAsync(0, 100));
        Assert.Equal((1L, AlertKind.Recalled, batch, recorded.Version), (stored.Id, stored.Alert.Kind, stored.Alert.Batch, stored.Alert.Version));

        // Loaded again before its next write out, it stores nothing twice.
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.NotNull(await grain.GetAsync());
        Assert.Single(await Hub(supply).ReadAsync(0, 100));
    }

    private IAlertHubGrain Hub(Supply supply) => fixture.Client.GetGrain<IAlertHubGrain>(AlertAudience.Participant(supply.Producer));
}
