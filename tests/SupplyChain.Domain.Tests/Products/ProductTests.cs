using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Products;

public sealed class ProductTests
{
    private static Product Create(OcopRating ocop, string? unit = "KGM", IReadOnlyList<Limit>? limits = null, string? name = "Tea", string? category = "tea") =>
        Product.Create(Sample.Tea, Sample.Producer, name, category, unit, ocop, limits ?? []);

    private static OcopRating Rated(int stars, string certificate = "OCOP-1", int pending = 0) => new(stars, certificate, null, pending);

    [Fact]
    public void A_product_is_created_with_its_unit_upper_cased_and_category_lower_cased()
    {
        var product = Sample.TeaProduct(Sample.Moisture);

        Assert.Equal(Sample.Tea, product.Gtin);
        Assert.Equal(Sample.Producer, product.ProducerGln);
        Assert.Equal("tea", product.Category);
        Assert.Equal("KGM", product.Unit);
        Assert.Equal("01/08930000000019", product.DigitalLink);
        Assert.Equal([Sample.Moisture], product.Limits);
        Assert.Equal("LTR", Create(Rated(0, ""), unit: " ltr ").Unit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Stars_are_0_3_4_or_5(int stars)
    {
        Assert.Equal(stars, Create(Rated(stars)).Ocop.Stars);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Other_star_counts_are_refused(int stars)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(stars)), "ocop_stars:", $"{stars} is not an OCOP rating");
    }

    [Theory]
    [InlineData(3, "")]
    [InlineData(4, "   ")]
    [InlineData(5, null)]
    public void A_rated_product_needs_its_certificate(int stars, string? certificate)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Create(new OcopRating(stars, certificate!, null, 0)), "ocop_certificate: is required for a rated product");
    }

    [Fact]
    public void The_certificate_is_trimmed_bounded_and_optional_when_unrated()
    {
        Assert.Equal("OCOP-7", Create(Rated(3, " OCOP-7 ")).Ocop.Certificate);
        Assert.Equal("", Create(new OcopRating(0, null!, null, 0)).Ocop.Certificate);
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(3, new string('c', 65))), "ocop_certificate:", "at most 64");
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(0, 5)]
    [InlineData(3, 4)]
    [InlineData(4, 5)]
    [InlineData(5, 0)]
    public void Pending_stars_are_3_to_5_and_above_the_rating(int stars, int pending)
    {
        Assert.Equal(pending, Create(Rated(stars, pending: pending)).Ocop.PendingStars);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(0, 6)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(5, 5)]
    [InlineData(0, -1)]
    public void Other_pending_stars_are_refused(int stars, int pending)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(stars, pending: pending)), "ocop_pending_stars:", $"{pending} must be 3 to 5 and above the current rating");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("KG")]
    [InlineData("CEL")]
    public void An_unsupported_unit_is_refused(string? unit)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(0), unit: unit), "unit:", "is not a supported UN/CEFACT unit");
    }

    [Fact]
    public void A_measurement_type_is_limited_once()
    {
        var twice = new[] { Sample.Moisture, Limit.Parse("Moisture", 1, 2, "%", "limits[1]") };

        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(0), limits: twice), "limits:", "'moisture' is limited twice");
    }

    [Fact]
    public void At_most_32_limits_are_allowed()
    {
        Limit L(int i) => new($"t{i}", 0m, 1m, "C");

        Assert.Equal(32, Create(Rated(0), limits: [.. Enumerable.Range(0, 32).Select(L)]).Limits.Count);
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(0), limits: [.. Enumerable.Range(0, 33).Select(L)]), "limits:", "has 33 entries, at most 32");
    }

    [Fact]
    public void Name_and_category_are_required()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(0), name: ""), "name: is required");
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(0), category: null), "category: is required");
        Refusals.Expect(Refusal.InvalidArgument, () => Create(Rated(0), category: new string('c', 65)), "category:", "at most 64");
    }

    [Fact]
    public void Same_as_compares_content_not_list_identity()
    {
        var a = Sample.TeaProduct(Sample.Moisture, Sample.Temperature);
        var b = Sample.TeaProduct(Sample.Moisture, Sample.Temperature);

        Assert.True(a.SameAs(b));
        Assert.False(a.SameAs(Sample.TeaProduct(Sample.Moisture)));
        Assert.False(a.SameAs(b with { Ocop = b.Ocop with { PendingStars = 0 } }));
    }
}
