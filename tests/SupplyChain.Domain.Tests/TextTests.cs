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

    [Theory]
    [InlineData(0x202A)]
    [InlineData(0x202B)]
    [InlineData(0x202C)]
    [InlineData(0x202D)]
    [InlineData(0x202E)]
    [InlineData(0x2066)]
    [InlineData(0x2067)]
    [InlineData(0x2068)]
    [InlineData(0x2069)]
    [InlineData(0x200B)]
    [InlineData(0x200C)]
    [InlineData(0x200D)]
    [InlineData(0x200E)]
    [InlineData(0x200F)]
    [InlineData(0x2060)]
    [InlineData(0x2061)]
    [InlineData(0x2062)]
    [InlineData(0x2063)]
    [InlineData(0x2064)]
    [InlineData(0xFEFF)]
    [InlineData(0x061C)]
    [InlineData(0x180E)]
    [InlineData(0x00AD)]
    [InlineData(0xE0001)]
    public void Bidirectional_controls_and_other_format_characters_are_refused(int codePoint)
    {
        var text = "Saigon " + char.ConvertFromUtf32(codePoint) + "Foods";

        Refusals.Expect(Refusal.InvalidArgument, () => Text.Optional(text, "name"), $"name: contains the invisible format character U+{codePoint:X4}");
    }

    [Fact]
    public void A_format_character_at_either_end_is_refused_not_trimmed_away()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Required("\uFEFFTea farm", "name"), "name: contains the invisible format character U+FEFF");
        Refusals.Expect(Refusal.InvalidArgument, () => Text.Required("Tea farm\u202E", "reason"), "reason: contains the invisible format character U+202E");
    }

    [Fact]
    public void Decomposed_Vietnamese_with_combining_marks_is_kept()
    {
        var decomposed = "Chè Shan tuyết".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(decomposed, Text.Required(decomposed, "name"));
    }

    [Fact]
    public void Unicode_letters_are_kept()
    {
        Assert.Equal("Chè Shan tuyết Hà Giang", Text.Required("Chè Shan tuyết Hà Giang", "name"));
    }
}
