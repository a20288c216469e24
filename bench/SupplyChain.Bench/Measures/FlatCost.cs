using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 3: does an append cost the same when the batch's log is long? One client appends checkpoints to one new batch,
/// one after another; the first 100 appends are compared with the last 100. Row 3b does the same storage writes raw,
/// into one partition, to tell the service's share of any growth from the store's.
/// </summary>
public static class FlatCost
{
    private const int Window = 100;

    public static async Task RunAsync(BenchContext ctx)
    {
        var n = ctx.Options.FlatAppends;
        var producer = await Producer.RegisterAsync(ctx.Host);
        var warm = Gs1Keys.Lot();
        await producer.CreateBatchAsync(warm);
        await ctx.WarmUpAsync("flat cost", _ => producer.RecordCheckpointAsync(warm), 1);
        var runs = await ctx.RunsAsync("flat cost", async _ =>
        {
            var lot = Gs1Keys.Lot();
            await producer.CreateBatchAsync(lot);
            var result = await ctx.LoadAsync(n, 1, _ => producer.RecordCheckpointAsync(lot));
            LogTenths(ctx, result);
            return result;
        });
        var (early, late) = Windows(runs);
        var (earlyMean, lateMean) = (Stats.Median(runs.Select(r => Mean(r.LatencyByCall[..Window]))), Stats.Median(runs.Select(r => Mean(r.LatencyByCall[^Window..]))));
        var ratio = late / early;
        ctx.Rows.Add(new Row("3", $"flat cost: appends {n - Window + 1:N0}-{n:N0} vs 1-{Window} on one batch (p50 ratio)", Text.Ratio(ratio),
            $"1-{Window}: {Text.Ms(early)}; {n - Window + 1:N0}-{n:N0}: {Text.Ms(late)}", "<= 1.2 x", double.IsNaN(ratio) ? "-" : Text.Met(ratio <= 1.2),
            $"one client, sequential RecordCheckpoint on a new batch (its create is version 1); means {Text.Ms(earlyMean)} vs {Text.Ms(lateMean)} = {Text.Ratio(lateMean / earlyMean)}" +
                BenchContext.Problems(runs)));
        ctx.AddCpu("3 flat cost (sequential appends)", runs);
    }

    /// <summary>Row 3b: the same growth test on the store alone: a checkpoint's writes, one after another, into one partition.</summary>
    public static async Task RawAsync(BenchContext ctx)
    {
        var n = ctx.Options.FlatAppends;
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var log = await RawStorage.TableAsync(ctx, "benchrawflat");
        var index = await RawStorage.TableAsync(ctx, "benchrawflatindex");
        await ctx.WarmUpAsync("raw flat cost", i => RawStorage.CheckpointWritesAsync(log, index, rows, "warm", i), 1);
        var runs = await ctx.RunsAsync("raw flat cost", async run =>
        {
            var result = await ctx.LoadAsync(n, 1, i => RawStorage.CheckpointWritesAsync(log, index, rows, $"run{run}", i));
            LogTenths(ctx, result);
            return result;
        });
        var (early, late) = Windows(runs);
        ctx.Rows.Add(new Row("3b", $"raw storage: a checkpoint's writes {n - Window + 1:N0}-{n:N0} vs 1-{Window} into one partition (p50 ratio)", Text.Ratio(late / early),
            $"1-{Window}: {Text.Ms(early)}; {n - Window + 1:N0}-{n:N0}: {Text.Ms(late)}",
            Notes: "row 3 without the service: Azure.Data.Tables from this process, one after another, into one partition of the same Azurite" + BenchContext.Problems(runs)));
        ctx.AddCpu("3b raw flat cost (sequential writes)", runs);
    }

    private static (double Early, double Late) Windows(IReadOnlyList<LoadResult> runs) =>
        (Stats.Median(runs.Select(r => Stats.Median(r.LatencyByCall[..Window]))), Stats.Median(runs.Select(r => Stats.Median(r.LatencyByCall[^Window..]))));

    private static void LogTenths(BenchContext ctx, LoadResult result)
    {
        var n = result.LatencyByCall.Length;
        ctx.Log("  median latency per tenth of the log: " + string.Join(", ", Enumerable.Range(0, 10).Select(d =>
            Text.Ms(Stats.Median(result.LatencyByCall[(d * n / 10)..((d + 1) * n / 10)])))));
    }

    private static double Mean(double[] values)
    {
        var ok = values.Where(v => !double.IsNaN(v)).ToArray();
        return ok.Length == 0 ? double.NaN : ok.Average();
    }
}
