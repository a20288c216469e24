using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Measures;

public sealed class LimitTests
{
    [Fact]
    public void A_limit_is_parsed_like_a_measurement()
    {
        var limit = Limit.Parse(" Temperature ", 2.50, 8, "cel", "limits[0]");

        Assert.Equal(new Limit("temperature", 2.5m, 8m, "CEL"), limit);
        Assert.Equal("temperature [2.5, 8] CEL", limit.ToString());
    }

    [Fact]
    public void One_sided_limits_are_accepted()
    {
        Assert.Equal("moisture [-inf, 12.5] %", Limit.Parse("moisture", null, 12.5, "%", "l").ToString());
        Assert.Equal("brix [60, +inf] %", Limit.Parse("brix", 60, null, "%", "l").ToString());
        Assert.Equal(new Limit("t", 5m, 5m, "CEL"), Limit.Parse("t", 5, 5, "CEL", "l"));
    }

    [Fact]
    public void A_limit_with_neither_bound_is_refused()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Limit.Parse("ph", null, null, "PH", "limits[2]"), "limits[2]:", "limit on 'ph' needs a min, a max or both");
    }

    [Theory]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NegativeInfinity, 1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Non_finite_bounds_are_refused(double min, double max)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Limit.Parse("ph", min, max, "PH", "limits[0]"), "limits[0]:", "limit on 'ph' must be finite");
    }

    [Fact]
    public void A_minimum_above_the_maximum_is_refused()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Limit.Parse("t", 8, 2, "CEL", "limits[0]"), "limits[0]:", "limit on 't' has min 8 above max 2");
    }

    [Theory]
    [InlineData(1e30, null)]
    [InlineData(null, -1e30)]
    public void A_bound_too_large_for_a_reading_is_refused_as_an_argument(double? min, double? max)
    {
        // Readings are capped at 1e12; a bound far beyond that must be refused, not overflow the decimal conversion.
        Refusals.Expect(Refusal.InvalidArgument, () => Limit.Parse("t", min, max, "CEL", "limits[0]"), "limits[0]");
    }

    [Theory]
    [InlineData("type", "limits[0].type: 'a b' may hold only")]
    [InlineData("unit", "limits[0].unit: is required")]
    public void Type_and_unit_are_checked(string which, string message)
    {
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => which == "type" ? Limit.Parse("a b", 1, 2, "C", "limits[0]") : Limit.Parse("t", 1, 2, "", "limits[0]"),
            message);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("8", true)]
    [InlineData("5", true)]
    [InlineData("1.999999", false)]
    [InlineData("8.000001", false)]
    public void Admits_is_inclusive_at_both_bounds(string value, bool admitted)
    {
        var limit = new Limit("t", 2m, 8m, "CEL");

        Assert.Equal(admitted, limit.Admits(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void An_open_side_admits_everything_on_that_side()
    {
        Assert.True(new Limit("t", null, 8m, "CEL").Admits(-1_000_000m));
        Assert.True(new Limit("t", 2m, null, "CEL").Admits(1_000_000m));
        Assert.False(new Limit("t", null, 8m, "CEL").Admits(8.1m));
    }

    [Fact]
    public void Describe_says_which_bound_was_broken()
    {
        var limit = new Limit("temperature", 2m, 8m, "CEL");

        Assert.Equal("temperature 1 CEL is below the minimum 2 CEL", limit.Describe(1m));
        Assert.Equal("temperature 9.5 CEL is above the maximum 8 CEL", limit.Describe(9.5m));
        Assert.Equal("temperature 5 CEL is within limits", limit.Describe(5m));
    }
}
