using SupplyChain.Bench.Host;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 6: the server's resident memory with many batches active. The batches are created through gRPC and stay
/// active: Orleans collects idle grains only after its collection age (15 minutes by default), longer than this takes.
/// </summary>
public static class Memory
{
    private const long TargetBytes = 2L * 1024 * 1024 * 1024;
    private const int TargetBatches = 100_000;

    /// <summary>Batches per producer; their index partitions stay small, as they would across a province's cooperatives.</summary>
    private const int BatchesPerProducer = 250;

    public static async Task RunAsync(BenchContext ctx)
    {
        var n = ctx.Options.MemoryBatches;
        var pid = ctx.Host.Server.ProcessId;
        var batches = await Producers.RegisterAsync(ctx.Host, n, BatchesPerProducer);
        var before = await ResidentAsync(pid, ctx.Options.Quick);
        ctx.Log($"server RSS before: {Mb(before)}; creating {n:N0} batches of {batches.Count:N0} producers");
        var created = await LoadRunner.RunAsync(n, ctx.Options.Concurrency, batches.CreateAsync, ctx.Options.MemoryLimit, ctx.Host.Cpu, ctx.Cancellation);
        ctx.Log($"created {created.Completed:N0} batches at {Text.Rate(created.Rate)}" + (created.Problem is { } p ? $"; {p}" : ""));
        var after = await ResidentAsync(pid, ctx.Options.Quick);
        var active = created.Completed;
        var perBatch = active > 0 ? (double)(after - before) / active : double.NaN;
        var atTarget = before + (perBatch * TargetBatches);
        var met = active >= TargetBatches ? Text.Met(after < TargetBytes) : $"{Text.Met(atTarget < TargetBytes)} (extrapolated)";
        ctx.Rows.Add(new Row("6", $"memory: server RSS with {active:N0} more batches active", Mb(after),
            Target: $"< 2 GB at {TargetBatches:N0}", Met: met,
            Notes: $"{Text.Number(perBatch)} bytes per batch ((RSS after - before) / batches); before: {Mb(before)}; {batches.Count:N0} producers" +
                (active < TargetBatches ? $"; at {TargetBatches:N0}: ~{Mb((long)atTarget)}" : "") +
                $"; created through gRPC at {Text.Rate(created.Rate)} ({created.Percentile(50):0.0} / {created.Percentile(99):0.0} ms); median of 3 RSS samples" +
                BenchContext.Problems([created])));
        ctx.AddCpu("6 CreateBatch (memory fill)", [created]);
    }

    /// <summary>Median of three VmRSS samples a second apart (half a second for --quick), after the server settles.</summary>
    private static async Task<long> ResidentAsync(int pid, bool quick)
    {
        var pause = TimeSpan.FromSeconds(quick ? 0.5 : 1);
        await Task.Delay(pause * 3);
        var samples = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            samples.Add(ProcFs.ResidentBytes(pid));
            await Task.Delay(pause);
        }

        return (long)Stats.Median(samples);
    }

    private static string Mb(long bytes) => $"{Text.Number(bytes / (1024.0 * 1024))} MB";
}
