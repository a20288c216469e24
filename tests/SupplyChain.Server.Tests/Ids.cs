using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Server.Tests;

/// <summary>Fresh, valid GS1 identifiers, so that every test works on its own participants and batches.</summary>
public static class Ids
{
    private static long _next = Random.Shared.NextInt64(1_000_000, 8_000_000);

    public static string Gln() => Domain.Identifiers.Gln.FromBody($"893{Interlocked.Increment(ref _next):D9}").Value;

    /// <summary>A GTIN-13 with Vietnam's 893 prefix, as a client would send it; the server stores it as GTIN-14.</summary>
    public static string Gtin13() => Domain.Identifiers.Gtin.FromBody($"0893{Interlocked.Increment(ref _next):D9}").Value[1..];

    public static string Gtin14(string gtin13) => "0" + gtin13;

    public static string Lot() => $"L{Interlocked.Increment(ref _next)}";

    public static string EventId() => Guid.NewGuid().ToString("N");
}
