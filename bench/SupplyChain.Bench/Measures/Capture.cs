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
        var runs = await ctx.RunsAsync("capture", _ => ctx.LoadAsync(o.CaptureEvents, o.Concurrency, batches.RecordCheckpointAsync));
        var rate = Stats.Median(runs.Select(r => r.Rate));
        var ratio = ctx.RawInsertRate is { } raw && raw > 0 ? rate / raw : double.NaN;
        ctx.Rows.Add(new Row("2", $"capture: RecordCheckpoint events/s through gRPC, {o.Concurrency} clients, {batches.Lots.Count:N0} batches",
            $"{Text.Rate(rate)} = {Text.Ratio(ratio)} raw (row 1)", BenchContext.Latency(runs), ">= 1.0 x raw", double.IsNaN(ratio) ? "-" : Text.Met(ratio >= 1.0),
            $"{o.CaptureEvents:N0} events per run after an {(o.Quick ? "1.5" : "8")} s warm-up, each acknowledged once in a journal commit row; "
                + $"runs back to back, so each pays for writing earlier events out to the batch logs as it goes; batches of {batches.Count} producers; " +
                $"setup CreateBatch ran at {Text.Rate(created.Rate)}" + BenchContext.Problems(runs)));
        ctx.AddCpu("2 capture (RecordCheckpoint)", runs);
        ctx.AddCpu("2 setup: CreateBatch", [created]);
    }
}
