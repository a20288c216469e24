using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Identifiers;

public sealed class GlnTests
{
    [Theory]
    [InlineData("8936047800018")]
    [InlineData("8936047801008")]
    [InlineData(" 8936047802005 ")]
    public void Thirteen_digits_with_a_valid_check_digit_are_accepted(string text)
    {
        Assert.Equal(text.Trim(), Gln.Parse(text).Value);
        Assert.Equal(text.Trim(), Gln.Parse(text).ToString());
    }

    [Fact]
    public void A_wrong_check_digit_is_refused_naming_the_expected_digit()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gln.Parse("8936047800017"), "gln:", "has check digit 7, expected 8");
    }

    [Theory]
    [InlineData("96385074")]
    [InlineData("08936047800018")]
    [InlineData("893604780001")]
    [InlineData("893604780001X")]
    [InlineData("8936 47800018")]
    public void Anything_but_13_digits_is_refused(string text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gln.Parse(text), "gln:", "expected 13 digits");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void An_empty_gln_is_required(string? text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Gln.Parse(text, "receiver_gln"), "receiver_gln: is required");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_optional_gln_left_empty_is_null(string? text)
    {
        Assert.Null(Gln.ParseOptional(text, "issuer_gln"));
    }

    [Fact]
    public void An_optional_gln_that_is_given_is_checked()
    {
        Assert.Equal(Sample.Lab, Gln.ParseOptional("8936047800049", "issuer_gln"));
        Refusals.Expect(Refusal.InvalidArgument, () => Gln.ParseOptional("8936047800040", "issuer_gln"), "issuer_gln:", "expected 9");
    }

    [Fact]
    public void From_body_appends_the_check_digit()
    {
        Assert.Equal(Sample.Producer, Gln.FromBody("893604780001"));
    }
}
