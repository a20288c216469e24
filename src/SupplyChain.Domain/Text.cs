namespace SupplyChain.Domain;

/// <summary>Free text fields: trimmed, bounded, no control characters.</summary>
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

        return value;
    }
}
