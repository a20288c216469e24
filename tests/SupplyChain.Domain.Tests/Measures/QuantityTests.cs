using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Measures;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("KGM")]
    [InlineData("GRM")]
    [InlineData("TNE")]
    [InlineData("LTR")]
    [InlineData("MLT")]
    [InlineData("H87")]
    public void Every_supported_unit_is_accepted(string unit)
    {
        var quantity = Quantity.Parse(3, unit);

        Assert.Equal(new Quantity(3m, unit), quantity);
        Assert.True(Quantity.Units.ContainsKey(unit));
    }

    [Fact]
    public void Exactly_the_six_documented_units_are_supported()
    {
        Assert.Equal(["GRM", "H87", "KGM", "LTR", "MLT", "TNE"], Quantity.Units.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("kgm", "KGM")]
    [InlineData(" Kgm ", "KGM")]
    [InlineData("h87", "H87")]
    [InlineData("mlt", "MLT")]
    public void Units_are_case_insensitive_and_trimmed(string unit, string expected)
    {
        Assert.Equal(expected, Quantity.Parse(1, unit).Unit);
    }

    [Theory]
    [InlineData("KG")]
    [InlineData("kilogram")]
    [InlineData("LBR")]
    [InlineData("CEL")]
    public void An_unknown_unit_is_refused_and_named(string unit)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Quantity.Parse(1, unit), "quantity.unit:", $"'{unit}' is not a supported UN/CEFACT unit");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_missing_unit_is_required(string? unit)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Quantity.Parse(1, unit, "quantity_received"), "quantity_received.unit: is required");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1.000001e12)]
    public void Zero_negative_non_finite_and_huge_amounts_are_refused(double value)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Quantity.Parse(value, "KGM"), "quantity.value:", "must be a positive amount up to 1e12");
    }

    [Fact]
    public void The_largest_amount_is_accepted()
    {
        Assert.Equal(1_000_000_000_000m, Quantity.Parse(1e12, "KGM").Value);
    }

    [Theory]
    [InlineData(0.0000001)]
    [InlineData(0.0000004)]
    public void An_amount_that_rounds_to_zero_is_refused(double value)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Quantity.Parse(value, "KGM"), "quantity.value:", "rounds to zero at six decimal places");
    }

    [Fact]
    public void Amounts_are_exact_to_six_decimal_places()
    {
        Assert.Equal(0.000001m, Quantity.Parse(0.000001, "KGM").Value);
        Assert.Equal(1.234568m, Quantity.Parse(1.2345678, "KGM").Value);
        Assert.Equal(0.3m, Quantity.Parse(0.1 + 0.2, "LTR").Value);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(0.5)]
    [InlineData(1.000001)]
    public void Pieces_must_be_whole(double value)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Quantity.Parse(value, "H87"), "quantity.value:", "pieces is not a whole number");
    }

    [Fact]
    public void Whole_pieces_are_accepted()
    {
        Assert.Equal(new Quantity(12m, "H87"), Quantity.Parse(12.0, "h87"));
    }

    [Fact]
    public void Equal_amounts_are_equal_and_print_alike()
    {
        var a = Quantity.Parse(12.50, "KGM");
        var b = Quantity.Parse(12.5, "KGM");
        var c = new Quantity(Quantity.Normalise(12.500000m), "KGM");

        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.Equal("12.5 KGM", a.ToString());
        Assert.Equal(a.ToString(), c.ToString());
        Assert.Equal("100 KGM", new Quantity(Quantity.Normalise(100.000m), "KGM").ToString());
    }

    [Theory]
    [InlineData("12.500000", "12.5")]
    [InlineData("100.00", "100")]
    [InlineData("0.0000005", "0")] // midpoint rounds to even
    [InlineData("0.0000015", "0.000002")]
    [InlineData("1.2345674", "1.234567")]
    [InlineData("-3.10", "-3.1")]
    public void Normalise_rounds_to_six_places_and_drops_trailing_zeros(string given, string expected)
    {
        var value = decimal.Parse(given, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Quantity.Normalise(value).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Add_and_subtract_keep_the_unit_and_normalise()
    {
        var sum = Sample.Kg(0.25m).Add(Sample.Kg(0.75m));
        var difference = Sample.Kg(10m).Subtract(Sample.Kg(2.5m));

        Assert.Equal("1 KGM", sum.ToString());
        Assert.Equal("7.5 KGM", difference.ToString());
    }

    [Fact]
    public void Adding_or_subtracting_across_units_is_refused()
    {
        var kg = Sample.Kg(1m);
        var litres = new Quantity(1m, "LTR");

        Refusals.Expect(Refusal.FailedPrecondition, () => kg.Add(litres), "units differ: KGM and LTR");
        Refusals.Expect(Refusal.FailedPrecondition, () => kg.Subtract(litres), "units differ: KGM and LTR");
        Assert.False(kg.SameUnit(litres));
        Assert.True(kg.SameUnit(Quantity.Zero("KGM")));
    }
}
