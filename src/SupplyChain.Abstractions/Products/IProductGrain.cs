using SupplyChain.Domain.Products;

namespace SupplyChain.Abstractions.Products;

/// <summary>A registered product as stored.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ProductRecord")]
public sealed record ProductRecord([property: Id(0)] Product Product, [property: Id(1)] DateTimeOffset RegisteredAt);

/// <summary>A product, keyed by its GTIN-14: its producer, OCOP rating and specification limits.</summary>
[Alias("SupplyChain.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Registers the product for a registered producer; the same details again are a no-op.</summary>
    [Alias("Register")]
    Task<ProductRecord> RegisterAsync(Product product);

    /// <summary>Reads the product, or null when it is not registered.</summary>
    [Alias("Get")]
    Task<ProductRecord?> GetAsync();
}
