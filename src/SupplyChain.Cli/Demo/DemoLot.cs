using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>A demo batch as a story leaves it: who holds it, how much, and who it is on its way to.</summary>
internal sealed class DemoLot(string gtin, string lot, string unit, double quantity, string custodian)
{
    public string Gtin { get; } = gtin;

    public string Lot { get; } = lot;

    public string Unit { get; } = unit;

    public double Quantity { get; set; } = quantity;

    public string Custodian { get; set; } = custodian;

    public string? PendingReceiver { get; set; }

    public BatchRef Ref => new() { Gtin = Gtin, Lot = Lot };
}
