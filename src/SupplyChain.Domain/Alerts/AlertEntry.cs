namespace SupplyChain.Domain.Alerts;

/// <summary>An alert as its audience's log holds it: its id there (1, 2, ... in the order stored) and whether the audience acknowledged it.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.AlertEntry")]
public sealed record AlertEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] Alert Alert,
    [property: Id(2)] bool Acknowledged);
