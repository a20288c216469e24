namespace SupplyChain.Domain.Measures;

/// <summary>Measurement type and unit names: short, lower-case words of letters, digits and _ . % -</summary>
internal static class MeasureText
{
    public static string Parse(string? text, int maxLength, string field)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            throw DomainException.Invalid(field, "is required");
        }

        if (value.Length > maxLength)
        {
            throw DomainException.Invalid(field, $"has {value.Length} characters, at most {maxLength} are allowed");
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '%' or '-'))
        {
            throw DomainException.Invalid(field, $"'{value}' may hold only letters, digits and _ . % -");
        }

        return value;
    }
}
