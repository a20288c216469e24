using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class CheckpointRulesTests
{
    private static readonly Limit ProductTemperature = new("temperature", 2m, 8m, "CEL");
    private static readonly Stage ColdStore = new("cold-store", [Sample.Distributor], [new Limit("temperature", 0m, 5m, "CEL")], ["temperature", "humidity"]);

    private static Measurement Reading(string type, decimal value, string unit = "CEL") => new(type, value, unit);

    [Fact]
    public void A_reading_with_no_limit_is_within()
    {
        var (results, verdict) = CheckpointRules.Judge([Reading("humidity", 99m, "%")], [ProductTemperature], ColdStore);

        Assert.Equal([new MeasurementResult(Reading("humidity", 99m, "%"), null, "", true)], results);
        Assert.Equal(Verdict.Pass, verdict);
    }

    [Fact]
    public void No_readings_pass()
    {
        var (results, verdict) = CheckpointRules.Judge([], [ProductTemperature], ColdStore);

        Assert.Empty(results);
        Assert.Equal(Verdict.Pass, verdict);
    }

    [Fact]
    public void Product_and_stage_limits_are_both_applied()
    {
        var (results, verdict) = CheckpointRules.Judge([Reading("temperature", 4m)], [ProductTemperature], ColdStore);

        Assert.Equal(2, results.Count);
        Assert.Equal(("product", true), (results[0].Source, results[0].Within));
        Assert.Equal(ProductTemperature, results[0].Limit);
        Assert.Equal(("chain:cold-store", true), (results[1].Source, results[1].Within));
        Assert.Equal(Verdict.Pass, verdict);
    }

    [Theory]
    [InlineData("6", true, false)] // inside the product's range, above the stage's
    [InlineData("1", false, true)] // below the product's range, inside the stage's
    [InlineData("9", false, false)]
    public void The_verdict_fails_when_any_limit_is_broken(string value, bool productWithin, bool stageWithin)
    {
        var reading = Reading("temperature", decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var (results, verdict) = CheckpointRules.Judge([reading, Reading("humidity", 50m, "%")], [ProductTemperature], ColdStore);

        Assert.Equal([productWithin, stageWithin, true], results.Select(r => r.Within));
        Assert.Equal(Verdict.Fail, verdict);
    }

    [Fact]
    public void Bounds_are_inclusive()
    {
        Assert.Equal(Verdict.Pass, CheckpointRules.Judge([Reading("temperature", 2m)], [ProductTemperature], null).Verdict);
        Assert.Equal(Verdict.Pass, CheckpointRules.Judge([Reading("temperature", 8m)], [ProductTemperature], null).Verdict);
        Assert.Equal(Verdict.Fail, CheckpointRules.Judge([Reading("temperature", 8.000001m)], [ProductTemperature], null).Verdict);
    }

    [Fact]
    public void Only_the_product_limit_applies_off_chain()
    {
        var (results, verdict) = CheckpointRules.Judge([Reading("temperature", 6m)], [ProductTemperature], null);

        Assert.Equal("product", Assert.Single(results).Source);
        Assert.Equal(Verdict.Pass, verdict);
    }

    [Fact]
    public void A_reading_in_another_unit_than_its_limit_is_refused()
    {
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => CheckpointRules.Judge([Reading("humidity", 1m, "%"), Reading("temperature", 40m, "FAH")], [ProductTemperature], null),
            "measurements[1].unit:", "'temperature' is given in FAH but its product limit is in CEL");
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => CheckpointRules.Judge([Reading("temperature", 40m, "FAH")], [], ColdStore),
            "measurements[0].unit:", "its chain:cold-store limit is in CEL");
    }

    [Fact]
    public void Violations_describe_only_the_broken_limits()
    {
        var (results, _) = CheckpointRules.Judge([Reading("temperature", 6m), Reading("humidity", 50m, "%")], [ProductTemperature], ColdStore);

        Assert.Equal(["temperature 6 CEL is above the maximum 5 CEL"], CheckpointRules.Violations(results));
    }

    [Fact]
    public void Missing_names_each_required_reading_not_taken()
    {
        Assert.Equal(
            ["no humidity reading at handoff into stage 'cold-store'"],
            CheckpointRules.Missing([Reading("temperature", 3m)], ColdStore));
        Assert.Equal(
            ["no temperature reading at handoff into stage 'cold-store'", "no humidity reading at handoff into stage 'cold-store'"],
            CheckpointRules.Missing([], ColdStore));
        Assert.Empty(CheckpointRules.Missing([Reading("temperature", 3m), Reading("humidity", 40m, "%")], ColdStore));
        Assert.Empty(CheckpointRules.Missing([], null));
    }

    [Fact]
    public void Readings_are_required_when_asked_and_at_most_50()
    {
        CheckpointRules.CheckReadings([], false);
        CheckpointRules.CheckReadings([.. Enumerable.Range(0, 50).Select(i => Reading($"t{i}", 1m))], true);
        Refusals.Expect(Refusal.InvalidArgument, () => CheckpointRules.CheckReadings([], true), "measurements:", "at least one measurement");
        Refusals.Expect(Refusal.InvalidArgument, () => CheckpointRules.CheckReadings([.. Enumerable.Range(0, 51).Select(i => Reading($"t{i}", 1m))], false), "measurements:", "has 51 readings, at most 50");
    }

    [Fact]
    public void A_reading_given_twice_is_refused()
    {
        // CheckReadings promises "the count and that no reading is given twice".
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => CheckpointRules.CheckReadings([Reading("temperature", 3m), Reading("temperature", 9m)], true),
            "measurements", "temperature");
    }
}
