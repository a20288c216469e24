using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Products;

/// <summary>An OCOP rating: 3, 4 or 5 stars with its certificate, and a higher rating under review.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.OcopRating")]
public sealed record OcopRating(
    [property: Id(0)] int Stars,
    [property: Id(1)] string Certificate,
    [property: Id(2)] DateOnly? CertifiedOn,
    [property: Id(3)] int PendingStars);

/// <summary>A product of one producer, with the limits its checkpoints are judged by.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Product")]
public sealed record Product(
    [property: Id(0)] Gtin Gtin,
    [property: Id(1)] Gln ProducerGln,
    [property: Id(2)] string Name,
    [property: Id(3)] string Category,
    [property: Id(4)] string Unit,
    [property: Id(5)] OcopRating Ocop,
    [property: Id(6)] IReadOnlyList<Limit> Limits)
{
    public static Product Create(Gtin gtin, Gln producer, string? name, string? category, string? unit, OcopRating ocop, IReadOnlyList<Limit> limits)
    {
        var code = (unit ?? "").Trim().ToUpperInvariant();
        if (!Quantity.Units.ContainsKey(code))
        {
            throw DomainException.Invalid("unit", $"'{unit}' is not a supported UN/CEFACT unit (KGM, GRM, TNE, LTR, MLT, H87)");
        }

        if (ocop.Stars is not (0 or 3 or 4 or 5))
        {
            throw DomainException.Invalid("ocop_stars", $"{ocop.Stars} is not an OCOP rating: use 3, 4 or 5 (0 when not rated)");
        }

        if (ocop.PendingStars is not 0 && (ocop.PendingStars is < 3 or > 5 || ocop.PendingStars <= ocop.Stars))
        {
            throw DomainException.Invalid("ocop_pending_stars", $"{ocop.PendingStars} must be 3 to 5 and above the current rating");
        }

        var certificate = Text.Optional(ocop.Certificate, "ocop_certificate", Bounds.WordLength);
        if (ocop.Stars > 0 && certificate.Length == 0)
        {
            throw DomainException.Invalid("ocop_certificate", "is required for a rated product");
        }

        Bounds.Count(limits.Count, Bounds.LimitsPerProduct, "limits", "entries");

        var duplicate = limits.GroupBy(l => l.Type).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw DomainException.Invalid("limits", $"'{duplicate.Key}' is limited twice");
        }

        return new Product(gtin, producer, Text.Required(name, "name"), Text.Required(category, "category", Bounds.WordLength).ToLowerInvariant(), code, ocop with { Certificate = certificate }, limits);
    }

    public string DigitalLink => $"01/{Gtin.Value}";

    public bool SameAs(Product other) =>
        Gtin == other.Gtin && ProducerGln == other.ProducerGln && Name == other.Name && Category == other.Category
        && Unit == other.Unit && Ocop == other.Ocop && Limits.SequenceEqual(other.Limits);
}
