using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Tests.Identifiers;

public sealed class Gs1Tests
{
    [Theory]
    [InlineData("9638507", 4)]
    [InlineData("03600029145", 2)]
    [InlineData("893000000001", 9)]
    [InlineData("1001234567890", 2)]
    [InlineData("000000000000", 0)]
    public void Check_digit_weights_3_and_1_from_the_right(string body, int expected)
    {
        Assert.Equal(expected, Gs1.CheckDigit(body));
    }

    [Theory]
    [InlineData("0123456789", true)]
    [InlineData("", false)]
    [InlineData("12a", false)]
    [InlineData("١٢٣", false)] // Arabic-Indic digits are digits, but not ASCII ones
    public void Only_ascii_digits_are_digits(string text, bool expected)
    {
        Assert.Equal(expected, Gs1.IsDigits(text));
    }

    [Fact]
    public void Character_set_82_has_exactly_82_characters()
    {
        var allowed = Enumerable.Range(0, 0x10000).Select(i => (char)i).Where(Gs1.IsCharacterSet82).ToList();

        Assert.Equal(82, allowed.Count);
        Assert.All(allowed, c => Assert.True(c < 128, $"'{c}' is not ASCII"));
    }
}
