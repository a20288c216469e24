namespace SupplyChain.Domain.Identifiers;

/// <summary>A Global Trade Item Number, always held as 14 digits.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Gtin")]
public readonly record struct Gtin([property: Id(0)] string Value)
{
    /// <summary>Accepts GTIN-8, -12, -13 or -14 with a valid check digit; pads to 14 digits.</summary>
    public static Gtin Parse(string? text, string field = "gtin")
    {
        var digits = (text ?? "").Trim();
        if (digits.Length == 0)
        {
            throw DomainException.Invalid(field, "is required");
        }

        if (!Gs1.IsDigits(digits) || digits.Length is not (8 or 12 or 13 or 14))
        {
            throw DomainException.Invalid(field, $"'{digits}' is not a GTIN: expected 8, 12, 13 or 14 digits");
        }

        if (!Gs1.HasValidCheckDigit(digits))
        {
            var expected = Gs1.CheckDigit(digits.AsSpan(0, digits.Length - 1));
            throw DomainException.Invalid(field, $"'{digits}' has check digit {digits[^1]}, expected {expected}");
        }

        return new Gtin(digits.PadLeft(14, '0'));
    }

    /// <summary>Builds a valid GTIN-14 from 13 leading digits by appending the check digit.</summary>
    public static Gtin FromBody(string thirteenDigits) =>
        new(thirteenDigits + Gs1.CheckDigit(thirteenDigits));

    public override string ToString() => Value;
}
