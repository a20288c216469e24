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
        var windows = new List<(CpuSample Early, CpuSample Late)>();
        var runs = await ctx.RunsAsync("flat cost", async _ =>
        {
            var lot = Gs1Keys.Lot();
            await producer.CreateBatchAsync(lot);
            // Three stretches, so that the first and the last 100 appends each get their own CPU reading.
            var result = await SequentialAsync(ctx, n, () => producer.RecordCheckpointAsync(lot));
            windows.Add((result.Early, result.Late));
            LogTenths(ctx, result.All);
            ctx.Log($"  server CPU per append: first {Window} {Text.Ms(PerCall(result.Early.Server))}, last {Window} {Text.Ms(PerCall(result.Late.Server))}; " +
                $"Azurite: {Text.Ms(PerCall(result.Early.Azurite))}, {Text.Ms(PerCall(result.Late.Azurite))}");
            return result.All;
        });
        var (early, late) = Windows(runs);
        var (earlyMean, lateMean) = (Stats.Median(runs.Select(r => Mean(r.LatencyByCall[..Window]))), Stats.Median(runs.Select(r => Mean(r.LatencyByCall[^Window..]))));
        var ratio = late / early;
        var serverEarly = Stats.Median(windows.Select(w => PerCall(w.Early.Server)));
        var serverLate = Stats.Median(windows.Select(w => PerCall(w.Late.Server)));
        var azuriteEarly = Stats.Median(windows.Select(w => PerCall(w.Early.Azurite)));
        var azuriteLate = Stats.Median(windows.Select(w => PerCall(w.Late.Azurite)));
        ctx.Rows.Add(new Row("3", $"flat cost: appends {n - Window + 1:N0}-{n:N0} vs 1-{Window} on one batch (p50 ratio)", Text.Ratio(ratio),
            $"1-{Window}: {Text.Ms(early)}; {n - Window + 1:N0}-{n:N0}: {Text.Ms(late)}", "<= 1.2 x", double.IsNaN(ratio) ? "-" : Text.Met(ratio <= 1.2),
            $"one client, sequential RecordCheckpoint on a new batch (its create is version 1); means {Text.Ms(earlyMean)} vs {Text.Ms(lateMean)}; " +
                $"CPU per append, first vs last {Window}: server {Text.Ms(serverEarly)} vs {Text.Ms(serverLate)} = {Text.Ratio(serverLate / serverEarly)}, " +
                $"Azurite {Text.Ms(azuriteEarly)} vs {Text.Ms(azuriteLate)} = {Text.Ratio(azuriteLate / azuriteEarly)}" + BenchContext.Problems(runs)));
        ctx.AddCpu("3 flat cost (sequential appends)", runs);
    }

    /// <summary>Row 3b: the same growth test on the store alone: a checkpoint's writes, one after another, into one partition.</summary>
    public static async Task RawAsync(BenchContext ctx)
    {
        var n = ctx.Options.FlatAppends;
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var log = await RawStorage.TableAsync(ctx, "benchrawflat");
        await ctx.WarmUpAsync("raw flat cost", i => RawStorage.CheckpointWritesAsync(log, rows, "warm", i), 1);
        var runs = await ctx.RunsAsync("raw flat cost", async run =>
        {
            var i = 0;
            var result = await SequentialAsync(ctx, n, () => RawStorage.CheckpointWritesAsync(log, rows, $"run{run}", Interlocked.Increment(ref i)));
            LogTenths(ctx, result.All);
            return result.All;
        });
        var (early, late) = Windows(runs);
        ctx.Rows.Add(new Row("3b", $"raw storage: a checkpoint's writes {n - Window + 1:N0}-{n:N0} vs 1-{Window} for one batch (p50 ratio)", Text.Ratio(late / early),
            $"1-{Window}: {Text.Ms(early)}; {n - Window + 1:N0}-{n:N0}: {Text.Ms(late)}",
            Notes: "row 3 without the service: Azure.Data.Tables from this process, one after another, into one batch's event partitions and head row in the same Azurite" + BenchContext.Problems(runs)));
        ctx.AddCpu("3b raw flat cost (sequential writes)", runs);
    }

    /// <summary>
    /// Calls one after another in three stretches (the first <see cref="Window"/>, the middle, the last <see cref="Window"/>),
    /// bounded by the flat-cost time limit; the latencies of all and the CPU of the first and last stretches.
    /// </summary>
    private static async Task<(LoadResult All, CpuSample Early, CpuSample Late)> SequentialAsync(BenchContext ctx, int n, Func<Task> call)
    {
        var limit = ctx.Options.FlatLimit;
        var first = await LoadRunner.RunAsync(Window, 1, _ => call(), limit, ctx.Host.Cpu, ctx.Cancellation);
        var middle = await LoadRunner.RunAsync(n - (2 * Window), 1, _ => call(), limit, ctx.Host.Cpu, ctx.Cancellation);
        var last = await LoadRunner.RunAsync(Window, 1, _ => call(), limit, ctx.Host.Cpu, ctx.Cancellation);
        return (LoadResult.Join(first, middle, last), first.Cpu, last.Cpu);
    }

    private static double PerCall(TimeSpan cpu) => cpu.TotalMilliseconds / Window;

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
