using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>Identifiers no other test uses: valid GS1 numbers with their check digits, lots, chain and event ids.</summary>
internal static class Fresh
{
    private static int _next;

    public static Gln Gln() => Domain.Identifiers.Gln.FromBody($"8936{Next():D8}");

    public static Gtin Gtin() => Domain.Identifiers.Gtin.FromBody($"08936{Next():D8}");

    public static string Lot() => $"LOT-{Next()}";

    public static string ChainId() => $"chain-{Next()}";

    public static string EventId() => "ev-" + Guid.NewGuid().ToString("N");

    private static int Next() => Interlocked.Increment(ref _next);
}
