using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Traces;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Traces;

/// <summary>Traces, custody and verification of a batch, for those who may read it.</summary>
public sealed class TraceQueries(IGrainFactory grains)
{
    /// <param name="maxDepth">How many levels back to go; null for <see cref="Bounds.TraceDepth"/>.</param>
    public async Task<TraceBack> BackAsync(Caller caller, BatchRef root, int? maxDepth, CancellationToken ct)
    {
        await Readers.CheckBatchAsync(caller, grains, root);
        var depth = maxDepth ?? Bounds.TraceDepth;
        if (depth is < 0 or > Bounds.TraceDepth)
        {
            throw DomainException.Invalid("max_depth", $"{depth} is not 0 to {Bounds.TraceDepth}");
        }

        var genealogy = await Genealogy.TraceBackAsync(root, level => TraceNodes.FetchAsync(grains, level, ct), depth);
        var members = genealogy.Members.Select(m => m.Node.State).ToList();
        var products = await TraceNodes.ProductsAsync(grains, members, ct);
        var producers = await TraceNodes.ProducersAsync(grains, members, ct);
        return new TraceBack(genealogy, depth, products, producers);
    }

    public async Task<Genealogy> ForwardAsync(Caller caller, BatchRef root, CancellationToken ct)
    {
        await Readers.CheckBatchAsync(caller, grains, root);
        return await Genealogy.TraceForwardAsync(root, level => TraceNodes.FetchAsync(grains, level, ct));
    }

    public async Task<TraceNode> CustodyAsync(Caller caller, BatchRef batch)
    {
        await Readers.CheckBatchAsync(caller, grains, batch);
        return await grains.GetGrain<IBatchGrain>(batch.Key).GetTraceNodeAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
    }

    /// <summary>Recomputes the batch's hash chain from what storage holds, not from what any grain remembers.</summary>
    public async Task<LogVerification> VerifyAsync(Caller caller, BatchRef batch)
    {
        await Readers.CheckBatchAsync(caller, grains, batch);
        var audit = await grains.GetGrain<IBatchAuditGrain>(batch.Key).VerifyAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
        return audit.Verification;
    }
}
