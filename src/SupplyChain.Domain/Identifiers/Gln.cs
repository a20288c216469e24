namespace SupplyChain.Domain.Identifiers;

/// <summary>A Global Location Number: 13 digits with a GS1 check digit; names a participant or a place.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Gln")]
public readonly record struct Gln([property: Id(0)] string Value)
{
    public static Gln Parse(string? text, string field = "gln")
    {
        var digits = (text ?? "").Trim();
        if (digits.Length == 0)
        {
            throw DomainException.Invalid(field, "is required");
        }

        if (!Gs1.IsDigits(digits) || digits.Length != 13)
        {
            throw DomainException.Invalid(field, $"'{digits}' is not a GLN: expected 13 digits");
        }

        if (!Gs1.HasValidCheckDigit(digits))
        {
            var expected = Gs1.CheckDigit(digits.AsSpan(0, 12));
            throw DomainException.Invalid(field, $"'{digits}' has check digit {digits[^1]}, expected {expected}");
        }

        return new Gln(digits);
    }

    /// <summary>Parses when given, null when empty.</summary>
    public static Gln? ParseOptional(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Parse(text, field);

    /// <summary>Builds a valid GLN from 12 leading digits by appending the check digit.</summary>
    public static Gln FromBody(string twelveDigits) => new(twelveDigits + Gs1.CheckDigit(twelveDigits));

    public override string ToString() => Value;
}
