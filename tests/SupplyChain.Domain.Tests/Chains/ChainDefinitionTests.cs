using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Chains;

public sealed class ChainDefinitionTests
{
    private static Stage Stage(string name, params Gln[] participants) => new(name, participants, [], []);

    [Theory]
    [InlineData("tea-north", "tea-north")]
    [InlineData(" a ", "a")]
    [InlineData("0-9", "0-9")]
    public void An_id_is_lower_case_letters_digits_and_dashes(string text, string expected)
    {
        Assert.Equal(expected, ChainDefinition.ParseId(text));
    }

    [Fact]
    public void An_id_of_64_characters_is_accepted_and_65_refused()
    {
        Assert.Equal(64, ChainDefinition.ParseId(new string('c', 64)).Length);
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.ParseId(new string('c', 65)), "chain_id:", "must be 1 to 64 of a-z, 0-9 and '-'");
    }

    [Theory]
    [InlineData("Tea")]
    [InlineData("tea_north")]
    [InlineData("tea north")]
    [InlineData("trà")]
    public void Other_ids_are_refused(string text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.ParseId(text, "chain"), "chain:", $"'{text}' must be 1 to 64");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_id_is_required(string? text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.ParseId(text), "chain_id: is required");
    }

    [Fact]
    public void A_chain_is_created_and_finds_the_stage_of_a_custodian()
    {
        var chain = Sample.Chain();

        Assert.Equal("tea-north", chain.ChainId);
        Assert.Equal("Northern tea", chain.Name);
        Assert.Equal("cold-store", chain.StageOf(Sample.Distributor)?.Name);
        Assert.Equal("retail", chain.StageOf(Sample.Retailer)?.Name);
        Assert.Null(chain.StageOf(Sample.Stranger));
    }

    [Fact]
    public void A_chain_needs_stages_and_at_most_20()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [], 0), "stages:", "at least one stage");
        Assert.Equal(20, ChainDefinition.Create("c", "n", [.. Enumerable.Range(0, 20).Select(i => Stage($"s{i}"))], 0).Stages.Count);
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [.. Enumerable.Range(0, 21).Select(i => Stage($"s{i}"))], 0), "stages:", "has 21 stages, at most 20");
    }

    [Fact]
    public void Transit_hours_may_be_zero_but_not_negative()
    {
        Assert.Equal(0, ChainDefinition.Create("c", "n", [Stage("s")], 0).MaxTransitHours);
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [Stage("s")], -1), "max_transit_hours:", "must not be negative");
    }

    [Fact]
    public void Stage_names_are_unique()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [Stage("farm"), Stage("farm")], 0), "stages[1].name:", "'farm' names two stages");
    }

    [Fact]
    public void A_participant_is_in_one_stage_only()
    {
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => ChainDefinition.Create("c", "n", [Stage("farm", Sample.Producer), Stage("store", Sample.Distributor, Sample.Producer)], 0),
            "stages[1].participant_glns:", $"{Sample.Producer} is already in stage 'farm'");
    }

    [Fact]
    public void A_participant_named_twice_in_its_own_stage_is_tolerated()
    {
        var chain = ChainDefinition.Create("c", "n", [Stage("farm", Sample.Producer, Sample.Producer)], 0);

        Assert.Equal("farm", chain.StageOf(Sample.Producer)?.Name);
    }

    [Fact]
    public void A_stage_holds_at_most_200_participants()
    {
        Gln[] Many(int n) => [.. Enumerable.Range(1, n).Select(i => Gln.FromBody($"893604781{i:D3}"))];

        Assert.Equal(200, ChainDefinition.Create("c", "n", [Stage("s", Many(200))], 0).Stages[0].Participants.Count);
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [Stage("s", Many(201))], 0), "stages[0].participant_glns:", "at most 200");
    }

    [Fact]
    public void A_stage_holds_at_most_32_limits_and_32_required_readings()
    {
        Limit[] Limits(int n) => [.. Enumerable.Range(0, n).Select(i => new Limit($"t{i}", 0m, 1m, "CEL"))];
        string[] Readings(int n) => [.. Enumerable.Range(0, n).Select(i => $"t{i}")];

        Assert.Equal(32, ChainDefinition.Create("c", "n", [new Stage("s", [], Limits(32), Readings(32))], 0).Stages[0].Limits.Count);
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [new Stage("s", [], Limits(33), [])], 0), "stages[0].limits:", "has 33 limits, at most 32");
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [Stage("a"), new Stage("b", [], [], Readings(33))], 0), "stages[1].required_at_handoff:", "has 33 readings, at most 32");
    }

    [Fact]
    public void A_type_is_limited_once_per_stage()
    {
        var t = new Limit("temperature", 0m, 5m, "CEL");

        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", "n", [Stage("a"), new Stage("b", [], [t, t with { Max = 4m }], [])], 0), "stages[1].limits:", "'temperature' is limited twice");
        Assert.Single(ChainDefinition.Create("c", "n", [new Stage("a", [], [t], []), new Stage("b", [], [t], [])], 0).Stages[1].Limits);
    }

    [Fact]
    public void A_name_is_required()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => ChainDefinition.Create("c", " ", [Stage("s")], 0), "name: is required");
    }

    [Fact]
    public void Same_as_compares_content()
    {
        Assert.True(Sample.Chain().SameAs(Sample.Chain()));
        Assert.False(Sample.Chain().SameAs(Sample.Chain(maxTransitHours: 12)));
        var changed = Sample.Chain() with { Stages = [.. Sample.Chain().Stages.Select(s => s with { RequiredAtHandoff = [] })] };
        Assert.False(Sample.Chain().SameAs(changed));
    }
}
