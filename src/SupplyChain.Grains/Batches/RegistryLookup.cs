using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Planning;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Grains.Chains;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Abstractions.Products;
using SupplyChain.Grains.Products;

namespace SupplyChain.Grains.Batches;

/// <summary>
/// A batch grain's lookups: products, participants and chains from their grains, kept for the activation (they never
/// change once registered or defined; a different registration is refused), and other batches' states read afresh for each command.
/// </summary>
internal sealed class RegistryLookup(IGrainFactory grains) : IBatchLookup
{
    private readonly Dictionary<Gtin, Product> _products = [];
    private readonly Dictionary<Gln, Participant> _participants = [];
    private readonly Dictionary<string, ChainDefinition> _chains = [];
    private readonly Dictionary<BatchRef, BatchState?> _batches = [];

    /// <summary>Fetches what planning a command needs: its batch's state as given, the other batches' as they are now.</summary>
    public async Task<IBatchLookup> ForAsync(LookupNeeds needs, BatchRef self, BatchState? state)
    {
        _batches.Clear();
        _batches[self] = state;
        var others = needs.Batches.Where(b => b != self).Distinct().ToList();
        var states = Task.WhenAll(others.Select(b => grains.GetGrain<IBatchGrain>(b.Key).GetAsync()));
        var chains = state?.ChainId is { } id ? needs.Chains.Append(id) : needs.Chains;
        await Task.WhenAll(needs.Products.Select(g => (Task)ProductAsync(g)).Concat(needs.Participants.Select(ParticipantAsync)).Concat(chains.Select(ChainAsync)));
        foreach (var (batch, found) in others.Zip(await states))
        {
            _batches[batch] = found;
        }

        return this;
    }

    public BatchState? Batch(BatchRef batch) => _batches.GetValueOrDefault(batch);

    public Product? Product(Gtin gtin) => _products.GetValueOrDefault(gtin);

    public Participant? Participant(Gln gln) => _participants.GetValueOrDefault(gln);

    public ChainDefinition? Chain(string chainId) => _chains.GetValueOrDefault(chainId);

    public async Task<Product?> ProductAsync(Gtin gtin)
    {
        if (!_products.TryGetValue(gtin, out var product) && (await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product is { } found)
        {
            product = _products[gtin] = found;
        }

        return product;
    }

    public async Task<Participant?> ParticipantAsync(Gln gln)
    {
        if (!_participants.TryGetValue(gln, out var participant) && (await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant is { } found)
        {
            participant = _participants[gln] = found;
        }

        return participant;
    }

    public async Task<ChainDefinition?> ChainAsync(string chainId)
    {
        if (!_chains.TryGetValue(chainId, out var chain) && (await grains.GetGrain<IChainGrain>(chainId).GetAsync())?.Chain is { } found)
        {
            chain = _chains[chainId] = found;
        }

        return chain;
    }
}
