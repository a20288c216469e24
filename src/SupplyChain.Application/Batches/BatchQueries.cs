using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Batches;

/// <summary>Reads of batches, for those who may read them.</summary>
public sealed class BatchQueries(IGrainFactory grains)
{
    /// <summary>Batches a listing shows when the caller asks for no size.</summary>
    public const int DefaultListPage = 50;

    public async Task<BatchState> GetAsync(Caller caller, BatchRef batch)
    {
        await Readers.CheckBatchAsync(caller, grains, batch);
        return await Grain(batch).GetAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
    }

    /// <summary>Stored events from <paramref name="fromVersion"/> on (0 for 1), at most <paramref name="pageSize"/> (0 for a full page).</summary>
    public async Task<BatchHistory> HistoryAsync(Caller caller, BatchRef batch, long fromVersion, int pageSize)
    {
        if (fromVersion < 0)
        {
            throw DomainException.Invalid("from_version", "must not be negative");
        }

        if (pageSize is < 0 or > Bounds.HistoryPage)
        {
            throw DomainException.Invalid("page_size", $"must be 1 to {Bounds.HistoryPage} (0 for {Bounds.HistoryPage})");
        }

        await Readers.CheckBatchAsync(caller, grains, batch);
        var grain = Grain(batch);
        var state = await grain.GetAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
        var events = await grain.GetHistoryAsync(Math.Max(1, fromVersion), pageSize == 0 ? Bounds.HistoryPage : pageSize);
        var last = events.Count == 0 ? 0 : events[^1].Recorded.Version;

        // The batch keeps its declarations in memory with its trail, so marking the page costs no read of the log.
        var declarations = (await grain.GetTraceNodeAsync())?.Trail.Declarations ?? [];
        var byVersion = declarations.GroupBy(d => d.DeclaredVersion).ToDictionary(g => g.Key, g => g.First());
        return new BatchHistory(events, last > 0 && last < state.Version ? last + 1 : 0, byVersion);
    }

    /// <summary>One page of the batches a participant produced or holds (<paramref name="pageSize"/> 0 for <see cref="DefaultListPage"/>).</summary>
    public async Task<BatchPage> ListAsync(Caller caller, Gln participant, BatchListing listing, int pageSize, string? pageToken)
    {
        Rulebook.Acting(caller, Act.ListBatches, "participant_gln", participant.Value);
        if (pageSize is < 0 or > Bounds.ListPage)
        {
            throw DomainException.Invalid("page_size", $"must be 1 to {Bounds.ListPage} (0 for {DefaultListPage})");
        }

        var page = await grains.GetGrain<IBatchIndexGrain>(0).ListAsync(participant, listing, pageSize == 0 ? DefaultListPage : pageSize, pageToken);
        var states = await Task.WhenAll(page.Batches.Select(r => Grain(r).GetAsync()));
        return new BatchPage(states.OfType<BatchState>().ToList(), page.Next);
    }

    private IBatchGrain Grain(BatchRef batch) => grains.GetGrain<IBatchGrain>(batch.Key);
}
