using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Identifiers;

public sealed class LotNumberTests
{
    [Theory]
    [InlineData("A")]
    [InlineData("L2025-001")]
    [InlineData("lot/7.b_(x)")]
    [InlineData("!\"%&'()*+,-./:;<=>?_")]
    [InlineData("ABCDEFGHIJ0123456789")] // exactly 20
    public void Lots_of_1_to_20_characters_of_set_82_are_accepted(string lot)
    {
        Assert.Equal(lot, LotNumber.Parse(lot));
    }

    [Fact]
    public void A_lot_of_21_characters_is_refused()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => LotNumber.Parse(new string('7', 21)), "lot:", "has 21 characters, at most 20");
    }

    [Theory]
    [InlineData("L#1", '#')]
    [InlineData("L 1", ' ')]
    [InlineData("Lé1", 'é')]
    [InlineData(" L1", ' ')]
    [InlineData("L1~", '~')]
    [InlineData("L$1", '$')]
    [InlineData("L@1", '@')]
    [InlineData("L[1]", '[')]
    [InlineData("L\t1", '\t')]
    public void Characters_outside_set_82_are_refused_and_named(string lot, char bad)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => LotNumber.Parse(lot), "lot:", $"character '{bad}' is not in the GS1 character set");
    }

    [Fact]
    public void A_nul_character_is_refused()
    {
        // NUL is the default char: a lookup for "the first bad character" that returns default cannot see it.
        Refusals.Expect(Refusal.InvalidArgument, () => LotNumber.Parse("L1\0"), "lot:", "is not in the GS1 character set");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_lot_is_required(string? lot)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => LotNumber.Parse(lot, "parts[0].lot"), "parts[0].lot: is required");
    }
}
