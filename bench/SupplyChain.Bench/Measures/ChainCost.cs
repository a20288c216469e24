using Azure.Data.Tables;
using SupplyChain.Bench.Host;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;
using SupplyChain.V1;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 7: does a movement on a distribution chain cost the same when the chain carries many batches? Each run defines
/// a new chain and creates batches on it (each joins the chain's ledger): the first 100 one after another, then the
/// bulk with the capture concurrency, then the last 100 one after another; the last 100 are compared with the first.
/// Row 7b does the ledger's own writes raw, into one partition, to tell the service's share of any growth from the store's.
/// </summary>
public static class ChainCost
{
    private const int Window = 100;

    private const int ProducersPerChain = 50;

    /// <summary>Longer than the server's write-out delay (5 s): the bulk's batches are written out before the last stretch.</summary>
    private static readonly TimeSpan SettleAfterBulk = TimeSpan.FromSeconds(8);

    public static async Task RunAsync(BenchContext ctx)
    {
        var n = ctx.Options.ChainBatches;
        // The batches are spread over the chain's producers, so that only the chain's ledger grows with the run, not
        // one producer's batch lists.
        var producers = await Producers.RegisterAsync(ctx.Host, ProducersPerChain, 1);
        var warmChain = await DefineChainAsync(ctx, producers);
        await ctx.WarmUpAsync("chain", i => producers.Of(i).CreateBatchAsync(Gs1Keys.Lot(), warmChain), ctx.Options.Concurrency);
        var runs = await ctx.RunsAsync("chain", async _ =>
        {
            var chain = await DefineChainAsync(ctx, producers);
            return await StretchesAsync(ctx, n, i => producers.Of(i).CreateBatchAsync(Gs1Keys.Lot(), chain), SettleAfterBulk);
        });
        AddRow(ctx, "7", $"chain: a batch joining a chain of {n - Window + 1:N0}-{n:N0} vs 1-{Window} batches (p50 ratio)", runs,
            $"one client, sequential CreateBatch on a new chain of {ProducersPerChain} producers (each create writes the chain's ledger), the {n - (2 * Window):N0} between " +
                $"with {ctx.Options.Concurrency} clients, then {SettleAfterBulk.TotalSeconds:N0} s for their write outs before the last stretch");
    }

    /// <summary>Row 7b: the ledger's writes without the service: a one-row transaction per batch into one partition.</summary>
    public static async Task RawAsync(BenchContext ctx)
    {
        var n = ctx.Options.ChainBatches;
        var table = await RawStorage.TableAsync(ctx, "benchrawchain");
        var place = new string('x', 240);
        Task Write(string partition) => table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, "batch_" + Gs1Keys.Lot()) { ["Batch"] = "08936000000000/" + Gs1Keys.Lot(), ["Place"] = place })]);
        await ctx.WarmUpAsync("raw chain", _ => Write("warm"), ctx.Options.Concurrency);
        var runs = await ctx.RunsAsync("raw chain", run => StretchesAsync(ctx, n, _ => Write($"r{run}"), TimeSpan.Zero));
        AddRow(ctx, "7b", $"raw storage: a chain's ledger writes {n - Window + 1:N0}-{n:N0} vs 1-{Window} into one partition (p50 ratio)", runs,
            "row 7 without the service: a transaction upserting one batch row (~300 characters) per batch, into one partition of the same Azurite");
    }

    /// <summary>The first <see cref="Window"/> calls one after another, the bulk concurrently, the last one after another.</summary>
    private static async Task<LoadResult> StretchesAsync(BenchContext ctx, int n, Func<int, Task> call, TimeSpan settle)
    {
        var first = await ctx.LoadAsync(Window, 1, call);
        var bulk = await ctx.LoadAsync(n - (2 * Window), ctx.Options.Concurrency, i => call(Window + i));
        await Task.Delay(settle, ctx.Cancellation);
        var last = await ctx.LoadAsync(Window, 1, i => call(n - Window + i));
        ctx.Log($"  {n:N0} in all: bulk {Text.Rate(bulk.Rate)}; first {Window} p50 {Text.Ms(first.Percentile(50))}, last {Window} p50 {Text.Ms(last.Percentile(50))}");
        return LoadResult.Join(first, bulk, last);
    }

    private static async Task<string> DefineChainAsync(BenchContext ctx, Producers producers)
    {
        var id = "bench-" + Guid.NewGuid().ToString("N")[..12];
        var stage = new Stage { Name = "production" };
        stage.ParticipantGlns.AddRange(Enumerable.Range(0, producers.Count).Select(i => producers.Of(i).Gln));
        await ctx.Host.Chains.DefineChainAsync(new DefineChainRequest { ChainId = id, Name = "Benchmark salt to market", Stages = { stage } }, deadline: BenchHost.Deadline);
        return id;
    }

    private static void AddRow(BenchContext ctx, string id, string measure, IReadOnlyList<LoadResult> runs, string notes)
    {
        var early = Stats.Median(runs.Select(r => Stats.Median(r.LatencyByCall[..Window])));
        var late = Stats.Median(runs.Select(r => Stats.Median(r.LatencyByCall[^Window..])));
        var n = ctx.Options.ChainBatches;
        ctx.Rows.Add(new Row(id, measure, Text.Ratio(late / early), $"1-{Window}: {Text.Ms(early)}; {n - Window + 1:N0}-{n:N0}: {Text.Ms(late)}",
            Notes: notes + BenchContext.Problems(runs)));
    }
}
