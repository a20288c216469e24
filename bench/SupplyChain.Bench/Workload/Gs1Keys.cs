using System.Globalization;

namespace SupplyChain.Bench.Workload;

/// <summary>Fresh, valid GS1 keys (Vietnam's 893 prefix) so that every run works on its own participants and batches.</summary>
public static class Gs1Keys
{
    private static long _next = Random.Shared.NextInt64(100_000_000, 800_000_000);

    public static string Gln() => WithCheckDigit($"893{Interlocked.Increment(ref _next):D9}");

    /// <summary>A GTIN-13, as a client sends it; the server stores it as the GTIN-14 with a leading zero.</summary>
    public static string Gtin13() => WithCheckDigit($"893{Interlocked.Increment(ref _next):D9}");

    public static string Lot() => $"B{Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)}";

    public static string EventId() => Guid.NewGuid().ToString("N");

    private static string WithCheckDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var digit = body[body.Length - 1 - i] - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
