namespace SupplyChain.Domain.Identifiers;

/// <summary>A lot number (GS1 AI 10): 1 to 20 characters of the GS1 character set 82.</summary>
public static class LotNumber
{
    public static string Parse(string? text, string field = "lot")
    {
        var lot = text ?? "";
        if (lot.Length == 0)
        {
            throw DomainException.Invalid(field, "is required");
        }

        if (lot.Length > Bounds.LotLength)
        {
            throw DomainException.Invalid(field, $"has {lot.Length} characters, at most {Bounds.LotLength} are allowed");
        }

        foreach (var c in lot)
        {
            if (!Gs1.IsCharacterSet82(c))
            {
                throw DomainException.Invalid(field, $"character '{c}' is not in the GS1 character set");
            }
        }

        return lot;
    }
}
