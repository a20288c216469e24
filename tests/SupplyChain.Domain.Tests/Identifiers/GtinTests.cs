using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Identifiers;

public sealed class GtinTests
{
    [Theory]
    [InlineData("96385074", "00000096385074")] // GTIN-8
    [InlineData("036000291452", "00036000291452")] // GTIN-12 (UPC-A)
    [InlineData("8930000000019", "08930000000019")] // GTIN-13
    [InlineData("4006381333931", "04006381333931")] // GTIN-13
    [InlineData("10012345678902", "10012345678902")] // GTIN-14
    [InlineData("  8930000000019 ", "08930000000019")]
    public void Valid_gtins_are_accepted_and_padded_to_14_digits(string text, string expected)
    {
        var gtin = Gtin.Parse(text);

        Assert.Equal(expected, gtin.Value);
        Assert.Equal(expected, gtin.ToString());
    }

    [Fact]
    public void The_same_item_as_gtin_13_and_gtin_14_is_one_gtin()
    {
        Assert.Equal(Gtin.Parse("8930000000019"), Gtin.Parse("08930000000019"));
    }

    [Theory]
    [InlineData("96385075", 5, 4)]
    [InlineData("036000291450", 0, 2)]
    [InlineData("8930000000018", 8, 9)]
    [InlineData("10012345678901", 1, 2)]
    public void A_wrong_check_digit_is_refused_naming_the_expected_digit(string text, int given, int expected)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gtin.Parse(text), "gtin:", $"has check digit {given}, expected {expected}");
    }

    [Theory]
    [InlineData("893000000001A")]
    [InlineData("8930-00000001")]
    [InlineData("89300000 0019")]
    [InlineData("８９３０００００００１９")] // full-width digits are not ASCII digits
    [InlineData("-8930000000019")]
    public void Non_digits_are_refused(string text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gtin.Parse(text), "gtin:", "is not a GTIN");
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("12345678901")]
    [InlineData("123456789012345")]
    public void Lengths_other_than_8_12_13_or_14_are_refused(string text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gtin.Parse(text), "gtin:", "expected 8, 12, 13 or 14 digits");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_gtin_is_required(string? text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gtin.Parse(text), "gtin: is required");
    }

    [Fact]
    public void The_field_name_is_the_one_given()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gtin.Parse("1", "inputs[2].gtin"), "inputs[2].gtin:");
    }

    [Fact]
    public void From_body_appends_the_check_digit()
    {
        Assert.Equal("08930000000019", Gtin.FromBody("0893000000001").Value);
        Assert.Equal("10012345678902", Gtin.FromBody("1001234567890").Value);
    }
}
