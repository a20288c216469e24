namespace SupplyChain.Domain.Identifiers;

/// <summary>GS1 check digits (mod 10, weights 3 and 1 from the right).</summary>
public static class Gs1
{
    /// <summary>The check digit for the digits before it.</summary>
    public static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    public static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    public static bool HasValidCheckDigit(string digits) =>
        digits[^1] - '0' == CheckDigit(digits.AsSpan(0, digits.Length - 1));

    /// <summary>The 82 characters GS1 allows in alphanumeric keys such as lot numbers (AI 10).</summary>
    public static bool IsCharacterSet82(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!\"%&'()*+,-./:;<=>?_".Contains(c);
}
