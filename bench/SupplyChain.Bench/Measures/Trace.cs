using System.Diagnostics;
using SupplyChain.Bench.Host;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;
using SupplyChain.V1;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 5: TraceBack over a genealogy of about 1,000 batches built with splits and merges, warm (every grain active
/// and its trail built) and cold (after a server restart, so that every batch grain activates from storage).
/// </summary>
public static class Trace
{
    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var producer = await Producer.RegisterAsync(ctx.Host);
        var clock = Stopwatch.StartNew();
        var genealogy = await Genealogy.BuildAsync(producer, o.TraceGroups, ctx);
        ctx.Log($"built a genealogy of {genealogy.Batches:N0} batches in {clock.Elapsed.TotalSeconds:N1} s");
        var lone = Gs1Keys.Lot();
        await producer.CreateBatchAsync(lone);

        // The first trace after building: grains active, trails read from storage once.
        var first = await TimeAsync(ctx, producer, genealogy.Root, genealogy.Batches);
        ctx.Log($"first trace (grains active, trails built from storage): {Text.Ms(first)}");
        var warm = await ctx.RunsAsync("trace warm", _ => ctx.LoadAsync(o.TraceCalls, 1, _ => TraceAsync(ctx, producer, genealogy.Root, genealogy.Batches)));
        var group = await ctx.LoadAsync(o.TraceCalls * 3, 1, _ => TraceAsync(ctx, producer, genealogy.Group, genealogy.GroupBatches));
        ctx.Log($"trace warm of {genealogy.GroupBatches} batches: p50 {Text.Ms(group.Percentile(50))}" + (group.Problem is { } gp ? $"; {gp}" : ""));

        var cold = new List<double>();
        var firstAfterStart = new List<double>();
        for (var run = 0; run < o.Runs; run++)
        {
            await ctx.Host.Server.RestartAsync();
            // The process's first trace compiles the trace code: time it on a lone batch, apart from the cold genealogy.
            firstAfterStart.Add(await TimeAsync(ctx, producer, lone, 1));
            cold.Add(await TimeAsync(ctx, producer, genealogy.Root, genealogy.Batches));
            ctx.Log($"trace cold, run {run + 1}/{o.Runs}: {Text.Ms(cold[^1])} (the process's first call, on a lone batch: {Text.Ms(firstAfterStart[^1])})");
        }

        var warmP50 = Stats.Median(warm.Select(r => r.Percentile(50)));
        var coldMedian = Stats.Median(cold);
        ctx.Rows.Add(new Row("5", $"trace: TraceBack over a {genealogy.Batches:N0}-batch genealogy (splits and merges, {genealogy.Levels} levels), warm / cold",
            $"{Text.Ms(warmP50)} / {Text.Ms(coldMedian)}", $"warm: {BenchContext.Latency(warm)}", "< 100 ms warm, < 1 s cold",
            Text.Met(warmP50 < 100 && coldMedian < 1_000),
            $"warm: {o.TraceCalls} sequential calls per run; cold: first call after a server restart (every batch grain activates from storage), median of {cold.Count}; " +
                $"a {genealogy.GroupBatches}-batch trace warm: {Text.Ms(group.Percentile(50))} p50; first trace after building: {Text.Ms(first)}" +
                BenchContext.Problems(warm.Append(group))));
        ctx.AddCpu("5 trace warm (per call)", warm);
    }

    private static async Task<double> TimeAsync(BenchContext ctx, Producer producer, string lot, int expected)
    {
        var clock = Stopwatch.StartNew();
        await TraceAsync(ctx, producer, lot, expected);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Traces a batch back and checks that the whole genealogy came back.</summary>
    private static async Task TraceAsync(BenchContext ctx, Producer producer, string lot, int expected)
    {
        var reply = await ctx.Host.Traces.TraceBackAsync(new TraceBackRequest { Gtin = producer.Gtin13, Lot = lot }, deadline: BenchHost.Deadline, cancellationToken: ctx.Cancellation);
        if (reply.BatchCount != expected)
        {
            throw new InvalidOperationException($"TraceBack of {lot} listed {reply.BatchCount} batches, expected {expected}");
        }
    }
}
