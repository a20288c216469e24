using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Links;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Products;

namespace SupplyChain.Server.Links;

/// <summary>
/// Gathers what a lot's page shows, through the grains: the backward genealogy as traces walk it, the products and
/// businesses it names, and whether every record verifies. Reads only; no caller's rights apply, as the page shows public data only.
/// </summary>
public sealed class LotStoryReader(IGrainFactory grains, VerifiedRecords verification)
{
    private const int Concurrency = 16;

    /// <summary>The story of a lot, or null when no such lot exists.</summary>
    public async Task<LotStory?> ReadLotAsync(BatchRef batch, string link, CancellationToken ct)
    {
        if (await grains.GetGrain<IBatchGrain>(batch.Key).GetTraceNodeAsync() is null)
        {
            return null;
        }

        var genealogy = await Genealogy.TraceBackAsync(batch, level => FetchAsync(level, ct));
        var members = genealogy.Members.Select(m => m.Node).ToList();
        var parties = members.SelectMany(node => node.Trail.Custody.SelectMany(step => new[] { step.Actor, step.Custodian, step.Location }.Concat(step.Counterparty is { } other ? [other] : []))
            .Concat(node.Trail.Checkpoints.SelectMany(check => new[] { check.Actor, check.Location }))
            .Append(node.State.Producer).Append(node.State.Custodian)).Distinct().ToList();
        var products = LookUpAsync(members.Select(node => node.State.Ref.Gtin).Distinct().ToList(), async gtin => (await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product, ct);
        var participants = LookUpAsync(parties, async gln => (await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant, ct);
        var verified = verification.AllVerifyAsync(members.Select(node => node.State).ToList(), ct);
        return Storyteller.Tell(link, genealogy, await products, await participants, await verified);
    }

    /// <summary>The lot's version (the count of its events), or null when no such lot exists.</summary>
    public async Task<long?> VersionAsync(BatchRef batch) => (await grains.GetGrain<IBatchGrain>(batch.Key).GetAsync())?.Version;

    /// <summary>A registered product and its producer, or null when the GTIN is not registered.</summary>
    public async Task<(StoryProduct Product, StoryParty Producer)?> ReadProductAsync(Gtin gtin)
    {
        if ((await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product is not { } product)
        {
            return null;
        }

        var producer = (await grains.GetGrain<IParticipantGrain>(product.ProducerGln.Value).GetAsync())?.Participant;
        return (StoryProduct.Of(product), StoryParty.Of(product.ProducerGln, producer));
    }

    private async Task<IReadOnlyList<TraceNode?>> FetchAsync(IReadOnlyList<BatchRef> level, CancellationToken ct)
    {
        var nodes = new TraceNode?[level.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, level.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (i, _) => nodes[i] = await grains.GetGrain<IBatchGrain>(level[i].Key).GetTraceNodeAsync());
        return nodes;
    }

    private static async Task<IReadOnlyDictionary<TKey, TValue>> LookUpAsync<TKey, TValue>(IReadOnlyList<TKey> keys, Func<TKey, Task<TValue?>> read, CancellationToken ct)
        where TKey : notnull
        where TValue : class
    {
        var values = new TValue?[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (i, _) => values[i] = await read(keys[i]));
        return keys.Select((key, i) => (key, value: values[i])).Where(p => p.value is not null).ToDictionary(p => p.key, p => p.value!);
    }
}
