using System.Diagnostics.Metrics;

namespace SupplyChain.Grains;

/// <summary>The service's one meter: the host's capture counters and the grains' handoff figures both record on it.</summary>
public static class SupplyChainMeter
{
    public const string Name = "SupplyChain";

    public static Meter Meter { get; } = new(Name);
}
