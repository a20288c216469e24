using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Integrity;
using SupplyChain.Grains.Storage;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Batches;

/// <summary>Events written out of the journal together share one page row of the log: read, replayed and verified like single rows.</summary>
[Collection(GrainsCollection.Name)]
public sealed class LogPageTests(ClusterFixture fixture)
{
    private BatchLogStore Store => new(new Tables(Options.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })));

    [Fact]
    public async Task Events_written_out_together_share_a_page_that_reads_back_replays_verifies_and_shows_an_edit()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var batch = await supply.ProduceAsync(60m);
        var grain = supply.Batch(batch);
        var checks = Enumerable.Range(0, 3).Select(i => supply.Checkpoint(batch, supply.Producer, CheckpointKind.Production, Supply.Reading("moisture", 10m - i, "%"))).ToList();
        foreach (var check in checks)
        {
            await grain.RecordCheckpointAsync(check);
        }

        // Deactivating writes the four journaled events out at once: one page row, keyed by its first version.
        await fixture.Cluster.DeactivateAsync(grain);
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(new StorageOptions().TablePrefix + "batchlog");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == BatchLogStore.EventPartition(batch, 1)))
        {
            rows.Add(row);
        }

        var page = Assert.Single(rows);
        Assert.Equal((BatchLogStore.EventRow(1), 4L), (page.RowKey, page.GetInt64("Last")));

        var history = await grain.GetHistoryAsync(1, 10);
        Assert.Equal([1L, 2L, 3L, 4L], history.Select(e => e.Recorded.Version));
        HashChain.Verify(history);
        Assert.True((await grain.RecordCheckpointAsync(checks[1])).Replayed);
        var (events, head) = await Store.ReadStoredChainAsync(batch);
        Assert.True(LogVerifier.Verify(batch, events, head).Ok);

        // An edit of one event inside the page is named by its version.
        var entries = JsonSerializer.Deserialize<List<LoggedEvent>>(page.GetString("Page0"), EventHash.Canonical)!;
        Assert.Contains("moisture", entries[2].Json);
        entries[2] = entries[2] with { Json = entries[2].Json!.Replace("moisture", "salinity", StringComparison.Ordinal) };
        page["Page0"] = JsonSerializer.Serialize(entries, EventHash.Canonical);
        await table.UpdateEntityAsync(page, Azure.ETag.All, TableUpdateMode.Replace);

        var (edited, editedHead) = await Store.ReadStoredChainAsync(batch);
        var verified = LogVerifier.Verify(batch, edited, editedHead);
        Assert.Equal((3L, ChainBreak.HashMismatch), (verified.FirstBadVersion, verified.Break));
    }
}
