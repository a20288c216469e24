using SupplyChain.Abstractions.Batches;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Abstractions.Products;
using SupplyChain.Application.Traces;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Links;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Application.Links;

/// <summary>
/// What a lot's public page shows, for anyone (the rulebook's public lot page: no token, public fields only): the
/// backward genealogy as traces walk it, the products and businesses it names, and whether every record verifies.
/// </summary>
public sealed class PublicLots(IGrainFactory grains, VerifiedRecords verification)
{
    /// <summary>The story of a lot, or null when no such lot exists.</summary>
    public async Task<LotStory?> ReadLotAsync(BatchRef batch, string link, CancellationToken ct)
    {
        Rulebook.Permit(Caller.Anonymous, Act.PublicLotPage);
        if (await grains.GetGrain<IBatchGrain>(batch.Key).GetTraceNodeAsync() is null)
        {
            return null;
        }

        var genealogy = await Genealogy.TraceBackAsync(batch, level => TraceNodes.FetchAsync(grains, level, ct));
        var members = genealogy.Members.Select(m => m.Node).ToList();
        var parties = members.SelectMany(node => node.Trail.Custody.SelectMany(step => new[] { step.Actor, step.Custodian, step.Location }.Concat(step.Counterparty is { } other ? [other] : []))
            .Concat(node.Trail.Checkpoints.SelectMany(check => new[] { check.Actor, check.Location }))
            .Append(node.State.Producer).Append(node.State.Custodian)).Distinct().ToList();
        var products = TraceNodes.ProductsAsync(grains, members.Select(node => node.State), ct);
        var participants = Bounded.LookUpAsync(parties, async gln => (await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant, ct);
        var verified = verification.AllVerifyAsync(members.Select(node => node.State).ToList(), ct);
        return Storyteller.Tell(link, genealogy, await products, await participants, await verified);
    }

    /// <summary>The lot's version (the count of its events), or null when no such lot exists.</summary>
    public async Task<long?> VersionAsync(BatchRef batch) => (await grains.GetGrain<IBatchGrain>(batch.Key).GetAsync())?.Version;

    /// <summary>A registered product and its producer, or null when the GTIN is not registered.</summary>
    public async Task<(StoryProduct Product, StoryParty Producer)?> ReadProductAsync(Gtin gtin)
    {
        Rulebook.Permit(Caller.Anonymous, Act.PublicLotPage);
        if ((await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product is not { } product)
        {
            return null;
        }

        var producer = (await grains.GetGrain<IParticipantGrain>(product.ProducerGln.Value).GetAsync())?.Participant;
        return (StoryProduct.Of(product), StoryParty.Of(product.ProducerGln, producer));
    }
}
