using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Effects;

/// <summary>A batch put on (<see cref="Listed"/>) or taken off a participant's list of batches it produced or holds.</summary>
public sealed record ListingChange(Gln Party, bool Held, bool Listed)
{
    public static ListingChange Produced(Gln producer) => new(producer, false, true);

    public static ListingChange Holds(Gln holder, bool holds) => new(holder, true, holds);
}
