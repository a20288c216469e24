using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Links;

/// <summary>A product as its page shows it: name, category, unit and OCOP rating (specification limits stay out).</summary>
public sealed record StoryProduct(Gtin Gtin, string Name, string Category, string Unit, int Stars, string Certificate, DateOnly? CertifiedOn, int PendingStars)
{
    public static StoryProduct Of(Product product) =>
        new(product.Gtin, product.Name, product.Category, product.Unit, product.Ocop.Stars, product.Ocop.Certificate, product.Ocop.CertifiedOn, product.Ocop.PendingStars);

    /// <summary>A product named by a batch but not registered: its GTIN alone.</summary>
    public static StoryProduct Unknown(Gtin gtin) => new(gtin, gtin.Value, "", "", 0, "", null, 0);
}
