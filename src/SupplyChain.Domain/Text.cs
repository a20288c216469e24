using System.Globalization;
using System.Text;

namespace SupplyChain.Domain;

/// <summary>Free text fields: trimmed, bounded, no control characters and no invisible format characters.</summary>
public static class Text
{
    public static string Required(string? text, string field, int maxLength = Bounds.TextLength)
    {
        var value = Optional(text, field, maxLength);
        if (value.Length == 0)
        {
            throw DomainException.Invalid(field, "is required");
        }

        return value;
    }

    public static string Optional(string? text, string field, int maxLength = Bounds.TextLength)
    {
        var value = (text ?? "").Trim();
        if (value.Length > maxLength)
        {
            throw DomainException.Invalid(field, $"has {value.Length} characters, at most {maxLength} are allowed");
        }

        if (value.Any(char.IsControl))
        {
            throw DomainException.Invalid(field, "contains control characters");
        }

        if (Disguising(value) is { } rune)
        {
            throw DomainException.Invalid(field, $"contains the invisible format character U+{rune.Value:X4}, which can make text read differently from what it is (bidirectional controls, zero-width characters)");
        }

        return value;
    }

    /// <summary>The first format character (category Cf: bidirectional controls, zero-width marks, BOM), or null.</summary>
    private static Rune? Disguising(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                return rune;
            }
        }

        return null;
    }
}
