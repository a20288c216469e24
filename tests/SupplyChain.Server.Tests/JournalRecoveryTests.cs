using Azure.Data.Tables;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>
/// An acknowledged event is in the journal before its batch's log: a server killed before writing events out loses
/// none of them. Started again, it sweeps its earlier run's journal into the logs before it takes calls.
/// </summary>
public sealed class JournalRecoveryTests : IAsyncLifetime
{
    // Nothing is written out by time while the test runs: the kill finds every event in the journal only.
    private readonly ServerFixture _fixture = new() { Settings = new Dictionary<string, string> { ["Storage__WriteOutAfter"] = "00:10:00" } };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Events_acknowledged_before_a_SIGKILL_are_all_in_the_log_after_the_restart_and_the_chain_goes_on()
    {
        var world = await new World(_fixture).RegisterAsync();
        var lots = Enumerable.Range(0, 3).Select(_ => Ids.Lot()).ToList();
        foreach (var lot in lots)
        {
            await world.CreateBatchAsync(lot, 100);
        }

        var last = new Dictionary<string, BatchEventResponse>();
        for (var i = 0; i < 20; i++)
        {
            foreach (var lot in lots)
            {
                last[lot] = await world.CheckAsync(lot, world.Producer, CheckpointKind.Environmental, new Measurement { Type = "temperature", Value = 20 + i, Unit = "CEL" });
            }
        }

        var journal = new TableClient(_fixture.Azurite.ConnectionString, "supplychainjournal");
        var log = new TableClient(_fixture.Azurite.ConnectionString, "supplychainbatchlog");
        Assert.NotEmpty(await CommitRowsAsync(journal));
        Assert.Empty(await RowsAsync(log, $"RowKey eq 'e{1:D12}'"));

        await _fixture.Server.KillAsync();
        await _fixture.Server.StartAgainAsync();

        // The restarted server swept its earlier run's journal on start: every event is in the logs, the journal is empty.
        Assert.Empty(await CommitRowsAsync(journal));
        // Each batch's 21 events went out together: one page row from version 1 to 21.
        var pages = await RowsAsync(log, $"RowKey eq 'e{1:D12}'");
        Assert.Equal([21L, 21L, 21L], pages.Select(p => p.GetInt64("Last") ?? 0));
        var traces = new TraceService.TraceServiceClient(_fixture.Server.Channel);
        foreach (var lot in lots)
        {
            var batch = await world.GetAsync(lot);
            Assert.Equal((21L, last[lot].Receipt.Hash), (batch.Version, batch.HeadHash));
            var history = await _fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
            Assert.Equal(Enumerable.Range(1, 21).Select(v => (long)v), history.Events.Select(e => e.Version));
            var verified = await traces.VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot });
            Assert.True(verified.Ok, $"batch {lot}: {verified.Problem}");
            Assert.Equal(21L, verified.EventsChecked);

            var next = await world.CheckAsync(lot, world.Producer, CheckpointKind.Environmental, new Measurement { Type = "temperature", Value = 25, Unit = "CEL" });
            var stored = await _fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot, FromVersion = 22 });
            Assert.Equal((22L, last[lot].Receipt.Hash), (next.Receipt.Version, Assert.Single(stored.Events).PreviousHash));
        }
    }

    private static async Task<List<TableEntity>> CommitRowsAsync(TableClient journal) => await RowsAsync(journal, "PartitionKey ne 'writers' and RowKey ne 'fence'");

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, string filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
