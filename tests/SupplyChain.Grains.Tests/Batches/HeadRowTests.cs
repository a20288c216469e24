using Microsoft.Extensions.Options;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Grains.Storage;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

/// <summary>
/// Events are written out to the log before the head row that follows them. A head left behind the event rows (a crash
/// between the two, or a log written before the journal) is caught up from the events after it before the next write.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class HeadRowTests(ClusterFixture fixture)
{
    private BatchLogStore Store => new(new Tables(Options.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })));

    [Fact]
    public async Task A_head_behind_the_log_is_caught_up_and_rewritten_and_event_ids_after_it_still_replay()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);

        // Each event written out on its own, a row each, as logs stored before the journal hold them.
        await grain.WriteOutNowAsync();
        var first = await grain.RecordCheckpointAsync(supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 10m, "%")));
        await grain.WriteOutNowAsync();
        var secondCommand = supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 9m, "%"));
        var second = await grain.RecordCheckpointAsync(secondCommand);
        Assert.Equal(3L, second.Batch.Version);

        // Put the head back at version 2, as a crash between an event row and its head would leave it, and forget the grain.
        await fixture.Cluster.DeactivateAsync(grain);
        var written = await Store.ReadHeadAsync(batch);
        Assert.Equal((3L, ""), (written!.State!.Version, written.Writer));
        await Store.WriteOutAsync(batch, [], first.Batch, null, "", written.ETag);

        // The client never had an answer for that event, so it sends it again: it replays, and the head is caught up.
        var replay = await grain.RecordCheckpointAsync(secondCommand);
        Assert.True(replay.Replayed);
        Assert.Equal(3L, replay.Event.Version);
        var state = await grain.GetAsync();
        Assert.NotNull(state);
        Assert.Equal((3L, second.Batch.HeadHash), (state.Version, state.HeadHash));
        await grain.WriteOutNowAsync();
        var head = await Store.ReadHeadAsync(batch);
        Assert.Equal(3L, head!.State!.Version);

        // Its id with other content is refused; the next event follows it.
        await Refusals.ExpectAsync(Refusal.AlreadyExists, () => grain.RecordCheckpointAsync(secondCommand with { Step = "packing" }), secondCommand.EventId);
        var next = await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        Assert.Equal((4L, second.Batch.HeadHash), (next.Event.Version, next.Event.PreviousHash));
        await grain.WriteOutNowAsync();
        Assert.Equal(4L, (await Store.ReadHeadAsync(batch))!.State!.Version);
    }

    [Fact]
    public async Task A_creation_whose_head_row_was_never_written_replays_on_its_retry()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = supply.NewLot();
        var create = supply.Create(batch, 25m);
        var grain = supply.Batch(batch);
        var created = (await grain.CreateAsync(create)).Batch;

        // A crash right after the creation's row was written out leaves no head row at all.
        await fixture.Cluster.DeactivateAsync(grain);
        var table = new Azure.Data.Tables.TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(new StorageOptions().TablePrefix + "batchlog");
        await table.DeleteEntityAsync(BatchLogStore.Partition(batch), "h");

        var retry = await grain.CreateAsync(create);
        Assert.True(retry.Replayed);
        var state = await grain.GetAsync();
        Assert.NotNull(state);
        Assert.Equal((1L, created.HeadHash, Supply.Kg(25m)), (state.Version, state.HeadHash, state.Quantity));
        await grain.WriteOutNowAsync();
        Assert.NotNull(await Store.ReadHeadAsync(batch));
    }

    [Fact]
    public async Task A_log_in_the_layout_before_event_partitions_is_upgraded_on_activation_and_nothing_is_lost()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(40m);
        var grain = supply.Batch(batch);
        await grain.WriteOutNowAsync();
        var command = supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 8m, "%"));
        var checkedReply = await grain.RecordCheckpointAsync(command);
        await fixture.Cluster.DeactivateAsync(grain);

        // Rewrite it as the older layout stored it: every row in the batch's partition, a row per event id, an unmarked head.
        var table = new Azure.Data.Tables.TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(new StorageOptions().TablePrefix + "batchlog");
        var partition = BatchLogStore.Partition(batch);
        for (var version = 1L; version <= 2; version++)
        {
            var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(BatchLogStore.EventPartition(batch, version), BatchLogStore.EventRow(version))).Value;
            var fingerprint = row.GetString("Fingerprint");
            var old = new Azure.Data.Tables.TableEntity(partition, row.RowKey);
            foreach (var (key, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp" or "Fingerprint")))
            {
                old[key] = value;
            }

            await table.AddEntityAsync(old);
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity(partition, "i" + TableKey.Escape(row.GetString("EventId"))) { ["Version"] = version, ["Fingerprint"] = fingerprint });
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var head = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(partition, "h")).Value;
        head.Remove("Chunks");
        await table.UpdateEntityAsync(head, head.ETag, Azure.Data.Tables.TableUpdateMode.Replace);

        var state = await grain.GetAsync();
        Assert.Equal((2L, checkedReply.Batch.HeadHash), (state!.Version, state.HeadHash));
        Assert.Equal(2, (await grain.GetHistoryAsync(1, 10)).Count);
        Assert.True((await grain.RecordCheckpointAsync(command)).Replayed);
        Assert.Equal(3L, (await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor))).Event.Version);
        var (events, storedHead) = await Store.ReadStoredChainAsync(batch);
        Assert.True(SupplyChain.Domain.Integrity.LogVerifier.Verify(batch, events, storedHead).Ok);
    }

    [Fact]
    public async Task A_head_claimed_by_a_journal_writer_that_is_gone_is_current_and_the_batch_takes_writes()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(30m);
        var grain = supply.Batch(batch);
        var shipped = await grain.ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        await fixture.Cluster.DeactivateAsync(grain);

        // A silo claimed the batch and died before journaling anything; its journal was swept and its row removed.
        var head = await Store.ReadHeadAsync(batch);
        Assert.NotNull(await Store.ClaimAsync(batch, head!.ETag, "0000deadwriter00"));

        var state = await grain.GetAsync();
        Assert.Equal((2L, shipped.Batch.HeadHash), (state!.Version, state.HeadHash));
        var received = await grain.ReceiveAsync(supply.Receive(batch, supply.Distributor));
        Assert.Equal(3L, received.Event.Version);
        await grain.WriteOutNowAsync();
        Assert.Equal((3L, ""), ((await Store.ReadHeadAsync(batch))!.State!.Version, (await Store.ReadHeadAsync(batch))!.Writer));
    }
}
