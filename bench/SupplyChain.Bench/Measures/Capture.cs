using Azure.Data.Tables;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench.Measures;

/// <summary>Row 2: RecordCheckpoint through gRPC from concurrent clients, spread over many batches, against row 1.</summary>
public static class Capture
{
    /// <summary>A cooperative's worth of batches per producer: 1,000 batches come from 20 producers.</summary>
    public const int BatchesPerProducer = 50;

    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var batches = await Producers.RegisterAsync(ctx.Host, o.CaptureBatches, BatchesPerProducer);
        var created = await ctx.LoadAsync(batches.Lots.Count, o.Concurrency, batches.CreateAsync);
        ctx.Log($"created {created.Completed:N0} batches at {Text.Rate(created.Rate)}" + (created.Problem is { } p ? $"; {p}" : ""));
        if (created.Failed > 0)
        {
            throw new InvalidOperationException($"could not create the batches: {created.Problem}");
        }

        ctx.CaptureBatches = batches;
        await ctx.WarmUpAsync("capture", batches.RecordCheckpointAsync, o.Concurrency);

        // Azurite's insert cost grows with the rows of the table written (its index arrays are spliced on every insert),
        // so before each capture run the same storage is measured raw in the same state: single-entity inserts into the
        // server's own log table, beside the batches' partitions, at the same concurrency.
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var log = new TableServiceClient(ctx.Host.Azurite.ConnectionString).GetTableClient(StoredRows.LogTable);
        var beside = new List<LoadResult>();
        var runs = await ctx.RunsAsync("capture", async run =>
        {
            var raw = await ctx.LoadAsync(o.RawInserts, o.Concurrency, i => log.AddEntityAsync(StoredRows.Copy(rows.Event, $"benchraw-{run}-{i % 1_000:D4}", $"e{i:D12}")));
            ctx.Log($"raw single-entity inserts into the log table before capture run {run + 1}: {Text.Rate(raw.Rate)}");
            beside.Add(raw);
            return await ctx.LoadAsync(o.CaptureEvents, o.Concurrency, batches.RecordCheckpointAsync);
        });
        var rate = Stats.Median(runs.Select(r => r.Rate));
        var ratio = Stats.Median(runs.Select((r, i) => beside[i].Rate > 0 ? r.Rate / beside[i].Rate : double.NaN));
        var fresh = ctx.RawInsertRate is { } raw && raw > 0 ? rate / raw : double.NaN;
        ctx.Rows.Add(new Row("2", $"capture: RecordCheckpoint events/s through gRPC, {o.Concurrency} clients, {batches.Lots.Count:N0} batches",
            $"{Text.Rate(rate)} = {Text.Ratio(ratio)} raw beside it ({Text.Rate(Stats.Median(beside.Select(b => b.Rate)))}); {Text.Ratio(fresh)} row 1",
            BenchContext.Latency(runs), ">= 1.0 x raw", double.IsNaN(ratio) ? "-" : Text.Met(ratio >= 1.0),
            $"{o.CaptureEvents:N0} events per run after an {(o.Quick ? "1.5" : "8")} s warm-up, each acknowledged once in a journal commit row; "
                + $"runs back to back, so each pays for writing earlier events out to the batch logs as it goes; raw beside it: {o.RawInserts:N0} single-entity "
                + $"inserts into the server's log table just before each run, the ratio is the median of the runs' ratios; batches of {batches.Count} producers; " +
                $"setup CreateBatch ran at {Text.Rate(created.Rate)}" + BenchContext.Problems(runs)));
        ctx.AddCpu("2' raw inserts into the log table, beside capture", beside);
        ctx.AddCpu("2 capture (RecordCheckpoint)", runs);
        ctx.AddCpu("2 setup: CreateBatch", [created]);
    }
}
