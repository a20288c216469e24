using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Abstractions.Products;

namespace SupplyChain.Application.Traces;

/// <summary>
/// What traces read of the grains. Traces run in the application, so no single grain carries every trace: each level
/// of a genealogy is asked of its batch grains in parallel (bounded), and each answers from memory once warm.
/// </summary>
internal static class TraceNodes
{
    /// <summary>One level of a genealogy: every batch's node, in order, with at most <see cref="Bounded.Concurrency"/> calls in flight.</summary>
    public static async Task<IReadOnlyList<TraceNode?>> FetchAsync(IGrainFactory grains, IReadOnlyList<BatchRef> level, CancellationToken ct)
    {
        if (level.Count <= Bounded.Concurrency)
        {
            // A small level is within the bound as it is; a deep chain of one-batch levels skips the scheduling.
            return await Task.WhenAll(level.Select(batch => grains.GetGrain<IBatchGrain>(batch.Key).GetTraceNodeAsync()));
        }

        var nodes = new TraceNode?[level.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, level.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Bounded.Concurrency, CancellationToken = ct },
            async (i, _) => nodes[i] = await grains.GetGrain<IBatchGrain>(level[i].Key).GetTraceNodeAsync());
        return nodes;
    }

    public static Task<IReadOnlyDictionary<Gtin, Product>> ProductsAsync(IGrainFactory grains, IEnumerable<BatchState> batches, CancellationToken ct) =>
        Bounded.LookUpAsync(batches.Select(s => s.Ref.Gtin).Distinct().ToList(), async gtin => (await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product, ct);

    public static Task<IReadOnlyDictionary<Gln, Participant>> ProducersAsync(IGrainFactory grains, IEnumerable<BatchState> batches, CancellationToken ct) =>
        Bounded.LookUpAsync(batches.Select(s => s.Producer).Distinct().ToList(), async gln => (await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant, ct);
}
