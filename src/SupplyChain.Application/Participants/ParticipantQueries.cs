using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Abstractions.Products;

namespace SupplyChain.Application.Participants;

/// <summary>Registered participants and products, for every identified caller.</summary>
public sealed class ParticipantQueries(IGrainFactory grains)
{
    public async Task<ParticipantRecord> GetAsync(Caller caller, Gln gln)
    {
        Registry.Require(caller);
        return await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync() ?? throw DomainException.NotFound($"participant {gln} is not registered");
    }

    public async Task<ProductRecord> GetProductAsync(Caller caller, Gtin gtin)
    {
        Registry.Require(caller);
        return await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync() ?? throw DomainException.NotFound($"product {gtin} is not registered");
    }

    /// <summary>A producer's products, by GTIN.</summary>
    public async Task<IReadOnlyList<ProductRecord>> ListProductsAsync(Caller caller, Gln producer)
    {
        var record = await GetAsync(caller, producer);
        var products = await Task.WhenAll(record.Products.Select(g => grains.GetGrain<IProductGrain>(g.Value).GetAsync()));
        return products.OfType<ProductRecord>().OrderBy(p => p.Product.Gtin.Value, StringComparer.Ordinal).ToList();
    }
}
