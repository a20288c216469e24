using SupplyChain.Bench.Load;

namespace SupplyChain.Bench.Workload;

/// <summary>
/// A genealogy built through the API for backward traces, all of one producer's product. Per group of 25 producer
/// batches (each with three checkpoints): each batch has a part split off, the parts are merged five at a time, each
/// merged batch has a part split off, and those parts are merged five at a time into one "group" batch whose own
/// genealogy is 61 batches (about the 63-lot trace of the peer). Group batches are then merged four at a time
/// until one root remains. With 16 groups: 981 batches, 7 levels from the root to the producer batches.
/// </summary>
public sealed record Genealogy(string Root, int Batches, int Levels, string Group, int GroupBatches)
{
    private const int FanIn = 5;
    private const int UpperFanIn = 4;
    private const int Concurrency = 32;

    public static async Task<Genealogy> BuildAsync(Producer producer, int groups, BenchContext ctx)
    {
        var count = 0;
        var leaves = Lots(groups * FanIn * FanIn);
        await AllAsync(ctx, "create", leaves.Count, i => producer.CreateBatchAsync(leaves[i]));
        await AllAsync(ctx, "checkpoints", leaves.Count * 3, i => producer.RecordCheckpointAsync(leaves[i / 3]));
        count += leaves.Count;
        var level = leaves;
        for (var round = 0; round < 2; round++)
        {
            var parts = Lots(level.Count);
            var source = level;
            await AllAsync(ctx, "split", parts.Count, i => producer.SplitAsync(source[i], parts[i], round == 0 ? 600 : 2_000));
            level = await MergeAsync(ctx, producer, parts, FanIn);
            count += parts.Count + level.Count;
        }

        var group = level[0];
        var levels = 5;
        while (level.Count > 1)
        {
            level = await MergeAsync(ctx, producer, level, UpperFanIn);
            count += level.Count;
            levels++;
        }

        return new Genealogy(level[0], count, levels, group, 1 + (FanIn * (2 + (FanIn * 2))));
    }

    /// <summary>Merges the lots in groups of <paramref name="fanIn"/> (a last group of one joins the one before); the new lots.</summary>
    private static async Task<List<string>> MergeAsync(BenchContext ctx, Producer producer, List<string> lots, int fanIn)
    {
        var groups = lots.Chunk(fanIn).ToList();
        if (groups.Count > 1 && groups[^1].Length == 1)
        {
            groups[^2] = [.. groups[^2], .. groups[^1]];
            groups.RemoveAt(groups.Count - 1);
        }

        var merged = Lots(groups.Count);
        await AllAsync(ctx, "merge", groups.Count, i => producer.MergeAsync(merged[i], groups[i]));
        return merged;
    }

    private static List<string> Lots(int n) => Enumerable.Range(0, n).Select(_ => Gs1Keys.Lot()).ToList();

    /// <summary>Runs every call once, concurrently; any failure fails the build (a genealogy with holes would trace less).</summary>
    private static async Task AllAsync(BenchContext ctx, string what, int count, Func<int, Task> call)
    {
        var result = await LoadRunner.RunAsync(count, Concurrency, call, ctx.Options.RunLimit, ctx.Host.Cpu, ctx.Cancellation);
        if (result.Failed > 0 || result.StoppedAtLimit)
        {
            throw new InvalidOperationException($"building the genealogy ({what}): {result.Problem}");
        }
    }
}
