using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Measures;

public sealed class MeasurementTests
{
    [Fact]
    public void Type_is_lower_cased_unit_upper_cased_value_normalised()
    {
        var reading = Measurement.Parse(" Moisture ", 11.50, "%", "measurements[0]");

        Assert.Equal(new Measurement("moisture", 11.5m, "%"), reading);
        Assert.Equal("moisture 11.5 %", reading.ToString());
        Assert.Equal("CEL", Measurement.Parse("temperature", -18, "cel", "m").Unit);
    }

    [Theory]
    [InlineData(-18.0)]
    [InlineData(0.0)]
    [InlineData(1e12)]
    [InlineData(-1e12)]
    public void Negative_zero_and_large_readings_are_accepted(double value)
    {
        Assert.Equal((decimal)value, Measurement.Parse("t", value, "CEL", "m").Value);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1.1e12)]
    [InlineData(-1.1e12)]
    public void Non_finite_or_huge_readings_are_refused(double value)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Measurement.Parse("t", value, "CEL", "measurements[3]"), "measurements[3].value:", "is not a finite reading");
    }

    [Theory]
    [InlineData(null, "CEL", "measurements[0].type: is required")]
    [InlineData("  ", "CEL", "measurements[0].type: is required")]
    [InlineData("t", null, "measurements[0].unit: is required")]
    [InlineData("water activity", "AW", "measurements[0].type: 'water activity' may hold only")]
    [InlineData("t", "°C", "measurements[0].unit: '°C' may hold only")]
    [InlineData("t", "mg/kg", "measurements[0].unit: 'mg/kg' may hold only")]
    public void Type_and_unit_are_short_plain_words(string? type, string? unit, string message)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Measurement.Parse(type, 1, unit, "measurements[0]"), message);
    }

    [Fact]
    public void Type_and_unit_lengths_are_bounded()
    {
        Assert.Equal(64, Measurement.Parse(new string('a', 64), 1, new string('U', 16), "m").Type.Length);
        Refusals.Expect(Refusal.InvalidArgument, () => Measurement.Parse(new string('a', 65), 1, "C", "m"), "m.type:", "has 65 characters, at most 64");
        Refusals.Expect(Refusal.InvalidArgument, () => Measurement.Parse("a", 1, new string('U', 17), "m"), "m.unit:", "has 17 characters, at most 16");
    }
}
