using SupplyChain.Abstractions.Batches;
using Orleans.Concurrency;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Batches;

[StatelessWorker]
public sealed class BatchIndexGrain(BatchIndexStore index) : Grain, IBatchIndexGrain
{
    public async Task<BatchIndexPage> ListAsync(Gln participant, BatchListing listing, int pageSize, string? token)
    {
        var (batches, next) = await index.ListAsync(participant, listing, pageSize, token);
        return new BatchIndexPage(batches, next);
    }
}
