using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 7: does a movement on a distribution chain cost the same when the chain carries many batches? Each run defines
/// a new chain and creates batches on it (each joins the chain's ledger): the first 100 one after another, then the
/// bulk with the capture concurrency, then the last 100 one after another; the last 100 are compared with the first.
/// </summary>
public static class ChainCost
{
    private const int Window = 100;

    public static async Task RunAsync(BenchContext ctx)
    {
        var n = ctx.Options.ChainBatches;
        var producer = await Producer.RegisterAsync(ctx.Host);
        var warmChain = await producer.DefineChainAsync();
        await ctx.WarmUpAsync("chain", _ => producer.CreateBatchAsync(Gs1Keys.Lot(), warmChain), ctx.Options.Concurrency);
        var runs = await ctx.RunsAsync("chain", async _ =>
        {
            var chain = await producer.DefineChainAsync();
            Task Create(int i) => producer.CreateBatchAsync(Gs1Keys.Lot(), chain);
            var first = await ctx.LoadAsync(Window, 1, Create);
            var bulk = await ctx.LoadAsync(n - (2 * Window), ctx.Options.Concurrency, Create);
            var last = await ctx.LoadAsync(Window, 1, Create);
            ctx.Log($"  chain of {n:N0}: bulk {Text.Rate(bulk.Rate)}; first {Window} p50 {Text.Ms(first.Percentile(50))}, last {Window} p50 {Text.Ms(last.Percentile(50))}");
            return new LoadResult(
                first.Failed + bulk.Failed + last.Failed,
                first.Elapsed + last.Elapsed,
                [.. first.LatencyByCall, .. last.LatencyByCall],
                first.FirstError ?? bulk.FirstError ?? last.FirstError,
                first.StoppedAtLimit || bulk.StoppedAtLimit || last.StoppedAtLimit,
                first.Cpu with
                {
                    Server = first.Cpu.Server + last.Cpu.Server, Azurite = first.Cpu.Azurite + last.Cpu.Azurite, Bench = first.Cpu.Bench + last.Cpu.Bench,
                    Machine = first.Cpu.Machine + last.Cpu.Machine, Wall = first.Cpu.Wall + last.Cpu.Wall,
                });
        });
        var early = Stats.Median(runs.Select(r => Stats.Median(r.LatencyByCall[..Window])));
        var late = Stats.Median(runs.Select(r => Stats.Median(r.LatencyByCall[^Window..])));
        var ratio = late / early;
        ctx.Rows.Add(new Row("7", $"chain: a batch joining a chain of {n - Window + 1:N0}-{n:N0} vs 1-{Window} batches (p50 ratio)", Text.Ratio(ratio),
            $"1-{Window}: {Text.Ms(early)}; {n - Window + 1:N0}-{n:N0}: {Text.Ms(late)}",
            Notes: $"one client, sequential CreateBatch on a new chain (each writes the chain's ledger), the {n - (2 * Window):N0} between with {ctx.Options.Concurrency} clients" +
                BenchContext.Problems(runs)));
    }
}
