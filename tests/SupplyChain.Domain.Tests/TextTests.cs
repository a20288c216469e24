using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests;

public sealed class TextTests
{
    [Fact]
    public void Text_is_trimmed()
    {
        Assert.Equal("Tea farm", Text.Required("  Tea farm ", "name"));
        Assert.Equal("", Text.Optional(null, "province"));
        Assert.Equal("", Text.Optional("   ", "province"));
    }

    [Fact]
    public void Required_text_must_not_be_blank()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Required(" ", "name"), "name: is required");
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Required(null, "reason"), "reason: is required");
    }

    [Fact]
    public void Length_is_bounded_after_trimming()
    {
        Assert.Equal(200, Text.Required(new string('x', 200) + "   ", "name").Length);
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Required(new string('x', 201), "name"), "name:", "has 201 characters, at most 200");
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Optional(new string('x', 65), "category", 64), "category:", "at most 64");
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("a\u0085b")]
    public void Control_characters_are_refused(string text)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Optional(text, "condition"), "condition: contains control characters");
    }

    [Fact]
    public void Unicode_letters_are_kept()
    {
        Assert.Equal("Chè Shan tuyết Hà Giang", Text.Required("Chè Shan tuyết Hà Giang", "name"));
    }
}
