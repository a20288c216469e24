using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

/// <summary>A lot an imported event names, with the amount it gives (null when the event gives none or one we cannot hold).</summary>
public sealed record ImportedLot(BatchRef Batch, Quantity? Quantity, string Identifier)
{
    /// <summary>True when the event gave an amount that we cannot hold (it is in the notes), rather than none.</summary>
    public bool AmountNotKept { get; init; }
}
