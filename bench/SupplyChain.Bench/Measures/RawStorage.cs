using Azure.Data.Tables;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 1: what the storage does raw, with Azure.Data.Tables from this process into the server's own Azurite, at the
/// capture measurement's concurrency, with entities copied from what one real checkpoint stored.
/// </summary>
public static class RawStorage
{
    private const int Partitions = 1_000;

    /// <summary>Versions per event partition of the batch log (the server's BatchLogStore.ChunkSize).</summary>
    private const int ChunkSize = 100;

    public static async Task InsertsAsync(BenchContext ctx)
    {
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var table = await TableAsync(ctx, "benchrawinsert");
        await ctx.WarmUpAsync("raw inserts", i => table.AddEntityAsync(StoredRows.Copy(rows.Event, $"w{i % Partitions:D4}", $"e{i:D12}")), ctx.Options.Concurrency);
        var runs = await ctx.RunsAsync("raw single-entity inserts", run => ctx.LoadAsync(ctx.Options.RawInserts, ctx.Options.Concurrency, i =>
            table.AddEntityAsync(StoredRows.Copy(rows.Event, $"r{run}-{i % Partitions:D4}", $"e{i:D12}"))));
        var rate = Stats.Median(runs.Select(r => r.Rate));
        ctx.RawInsertRate = rate;
        ctx.Rows.Add(new Row("1", $"raw storage: single-entity inserts, {ctx.Options.Concurrency} concurrent", Text.Rate(rate), BenchContext.Latency(runs),
            Notes: $"Azure.Data.Tables AddEntity of a copy of a stored checkpoint event row ({StoredRows.Characters(rows.Event):N0} characters) " +
                $"over {Partitions:N0} partitions; {ctx.Options.RawInserts:N0} inserts per run" + BenchContext.Problems(runs)));
        ctx.AddCpu("1 raw single-entity inserts", runs);
    }

    /// <summary>The storage work of one checkpoint stored on its own (as before the journal), done raw: the event row's insert, then the head row's replace.</summary>
    public static async Task AppendShapedAsync(BenchContext ctx)
    {
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var log = await TableAsync(ctx, "benchrawlog");
        await ctx.WarmUpAsync("raw checkpoint-shaped writes", i => CheckpointWritesAsync(log, rows, $"w{i % Partitions:D4}", i), ctx.Options.Concurrency);
        var runs = await ctx.RunsAsync("raw checkpoint-shaped writes", run => ctx.LoadAsync(ctx.Options.RawAppends, ctx.Options.Concurrency, i =>
            CheckpointWritesAsync(log, rows, $"r{run}-{i % Partitions:D4}", i)));
        ctx.Rows.Add(new Row("1b", "raw storage: a checkpoint's writes (event row insert, then head row replace), same concurrency",
            Text.Rate(Stats.Median(runs.Select(r => r.Rate))), BenchContext.Latency(runs),
            Notes: $"a checkpoint's storage work when each event was stored on its own (before the journal), without the service; {ctx.Options.RawAppends:N0} per run" +
                BenchContext.Problems(runs)));
        ctx.AddCpu("1b raw checkpoint-shaped writes", runs);
    }

    /// <summary>Entity-group transactions of 100 inserts: what group commit of appends could reach on this store.</summary>
    public static async Task GroupsAsync(BenchContext ctx)
    {
        const int Size = 100;
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var table = await TableAsync(ctx, "benchrawgroup");
        await ctx.WarmUpAsync("raw 100-entity transactions", i => table.SubmitTransactionAsync(Enumerable.Range(0, Size).Select(k =>
            new TableTransactionAction(TableTransactionActionType.Add, StoredRows.Copy(rows.Event, $"w{i:D6}", $"e{k:D12}")))), ctx.Options.Concurrency);
        var runs = await ctx.RunsAsync("raw 100-entity transactions", run => ctx.LoadAsync(ctx.Options.RawGroups, ctx.Options.Concurrency, i =>
            table.SubmitTransactionAsync(Enumerable.Range(0, Size).Select(k =>
                new TableTransactionAction(TableTransactionActionType.Add, StoredRows.Copy(rows.Event, $"r{run}-{i:D6}", $"e{k:D12}"))))));
        var entities = Stats.Median(runs.Select(r => r.Rate * Size));
        ctx.Rows.Add(new Row("1c", "raw storage: transactions of 100 inserts, entities/s", Text.Rate(entities), BenchContext.Latency(runs),
            Notes: $"{ctx.Options.RawGroups:N0} transactions per run; per transaction latency; the ceiling for group commit" + BenchContext.Problems(runs)));
        ctx.AddCpu("1c raw 100-entity transactions (per entity)", runs, Size);
    }

    /// <summary>
    /// Single upserts into one partition as it grows, against upserts into fresh partitions at the same moment: what a
    /// partition every event writes into (a day, a bizStep) costs on this store. The partition grows by transactions.
    /// </summary>
    public static async Task PartitionSizeAsync(BenchContext ctx)
    {
        const int Upserts = 1_000;
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var table = await TableAsync(ctx, "benchrawpartition");
        var sizes = ctx.Options.Quick ? new[] { 1_000, 5_000 } : [1_000, 10_000];
        var grown = 0;
        var figures = new List<string>();
        var ratios = new List<double>();
        foreach (var size in sizes)
        {
            var from = grown;
            var fill = await ctx.LoadAsync((size - from + 99) / 100, ctx.Options.Concurrency, t => table.SubmitTransactionAsync(
                Enumerable.Range(from + t * 100, Math.Min(100, size - from - t * 100)).Select(k =>
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, StoredRows.Copy(rows.Event, "hot", $"f{k:D12}")))));
            if (fill.Failed > 0 || fill.StoppedAtLimit)
            {
                throw new InvalidOperationException($"could not fill the partition to {size:N0} rows within the time limit: {fill.Problem}");
            }

            grown = size;
            var hot = await ctx.LoadAsync(Upserts, ctx.Options.Concurrency, i =>
                table.UpsertEntityAsync(StoredRows.Copy(rows.Event, "hot", $"u{size:D6}-{i:D6}"), TableUpdateMode.Replace));
            var fresh = await ctx.LoadAsync(Upserts, ctx.Options.Concurrency, i =>
                table.UpsertEntityAsync(StoredRows.Copy(rows.Event, $"fresh{size:D6}-{i:D6}", "e"), TableUpdateMode.Replace));
            grown += Upserts;
            ctx.Log($"upserts into a partition of {size:N0} rows: {Text.Rate(hot.Rate)}; into fresh partitions: {Text.Rate(fresh.Rate)}");
            figures.Add($"{size:N0} rows: {Text.Rate(hot.Rate)} ({Text.Rate(fresh.Rate)})");
            ratios.Add(fresh.Rate > 0 ? hot.Rate / fresh.Rate : double.NaN);
        }

        ctx.Rows.Add(new Row("1d", $"raw storage: single upserts into one partition as it grows (into fresh partitions), {ctx.Options.Concurrency} concurrent",
            string.Join("; ", figures),
            Notes: $"{Upserts:N0} upserts each, one run; the partition grows by 100-entity transactions between them; the largest is {Text.Ratio(ratios[^1])} the fresh rate"));
    }

    /// <summary>Single-entity inserts again, after every other measurement filled the store: does Azurite slow down as it grows?</summary>
    public static async Task InsertsAgainAsync(BenchContext ctx)
    {
        var rows = ctx.Stored ?? throw new InvalidOperationException("the stored rows of a checkpoint were not probed");
        var table = await TableAsync(ctx, "benchrawinsert");
        var result = await ctx.LoadAsync(ctx.Options.RawInserts, ctx.Options.Concurrency, i =>
            table.AddEntityAsync(StoredRows.Copy(rows.Event, $"end-{i % Partitions:D4}", $"e{i:D12}")));
        ctx.Log($"raw single-entity inserts at the end: {Text.Rate(result.Rate)}");
        var before = ctx.RawInsertRate is { } r ? $"; {Text.Ratio(result.Rate / r)} the rate of row 1" : "";
        ctx.Rows.Add(new Row("1'", "raw storage: single-entity inserts again, after all the rows above", Text.Rate(result.Rate), BenchContext.Latency([result]),
            Notes: "one run; shows whether Azurite slows as its store grows" + before + BenchContext.Problems([result])));
    }

    /// <summary>
    /// What the batch log writes for one checkpoint: the event row's insert (the commit) into the event partition of
    /// its version, then the head row's replace in the batch's own partition.
    /// </summary>
    public static async Task CheckpointWritesAsync(TableClient log, StoredRows rows, string partition, int i)
    {
        var version = i + 1L;
        await log.AddEntityAsync(StoredRows.Copy(rows.Event, $"{partition}~{(version - 1) / ChunkSize:D8}", $"e{version:D12}"));
        await log.UpsertEntityAsync(StoredRows.Copy(rows.Head, partition, "h"), TableUpdateMode.Replace);
    }

    public static async Task<TableClient> TableAsync(BenchContext ctx, string name)
    {
        var table = new TableServiceClient(ctx.Host.Azurite.ConnectionString).GetTableClient(name);
        await table.CreateIfNotExistsAsync(ctx.Cancellation);
        ctx.ScratchTables.Add(table);
        return table;
    }
}
