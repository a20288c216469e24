using SupplyChain.Bench.Report;
using SupplyChain.Bench.Load;

namespace SupplyChain.Bench.Measures;

/// <summary>Row 4: GetBatch on batches whose grains are active (the capture measurement's), from concurrent clients.</summary>
public static class Reads
{
    public static async Task RunAsync(BenchContext ctx)
    {
        var o = ctx.Options;
        var batches = ctx.CaptureBatches ?? throw new InvalidOperationException("no active batches: the capture measurement did not run");
        await ctx.WarmUpAsync("reads", batches.GetAsync, o.Concurrency);
        var runs = await ctx.RunsAsync("reads", _ => ctx.LoadAsync(o.Reads, o.Concurrency, batches.GetAsync));
        var rate = Stats.Median(runs.Select(r => r.Rate));
        ctx.Rows.Add(new Row("4", $"reads: GetBatch requests/s on active grains, {o.Concurrency} clients", Text.Rate(rate), BenchContext.Latency(runs),
            ">= 15,000/s", Text.Met(rate >= 15_000), $"{o.Reads:N0} calls per run over {batches.Lots.Count:N0} batches; no storage read" + BenchContext.Problems(runs)));
        ctx.AddCpu("4 reads (GetBatch)", runs);
    }
}
