namespace SupplyChain.Cli.Demo;

/// <summary>
/// GS1 keys of the demonstration data, derived from indexes so that every load names the same ones.
/// All carry Vietnam's GS1 prefix 893 and a computed check digit.
/// </summary>
public static class DemoKeys
{
    /// <summary>GLN groups: the digit after "8930" tells what kind of demo participant a GLN names.</summary>
    public const int ProducerGroup = 1;
    public const int DistributorGroup = 2;
    public const int RetailerGroup = 3;
    public const int LabGroup = 4;
    public const int AuditorGroup = 5;

    /// <summary>The GS1 mod-10 check digit of the digits before it (weights 3 and 1 from the right).</summary>
    public static int CheckDigit(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new ArgumentException($"'{body}' is not all digits", nameof(body));
            }

            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>The digits followed by their check digit.</summary>
    public static string WithCheckDigit(string body) => body + CheckDigit(body);

    /// <summary>GLN-13 of the index-th demo participant of a group: 8930 g nnn 0000 c.</summary>
    public static string Gln(int group, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(group, 9);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 999);
        return WithCheckDigit($"8930{group}{index:D3}0000");
    }

    /// <summary>GTIN-13 of the item-th product of the producer-th demo producer: 8938 pppp iiii c.</summary>
    public static string Gtin(int producer, int item)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(producer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(producer, 9999);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(item, 9999);
        return WithCheckDigit($"8938{producer:D4}{item:D4}");
    }
}
