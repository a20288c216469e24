namespace SupplyChain.Abstractions.Epcis;

/// <summary>What storing one captured event came to.</summary>
public enum StoreOutcome
{
    /// <summary>Stored now.</summary>
    Stored = 1,

    /// <summary>The same event (same id, same content) was stored before: kept once.</summary>
    AlreadyStored = 2,

    /// <summary>Another event with this id is stored: refused (409).</summary>
    Conflict = 3,

    /// <summary>An error declaration for a stored event: that event is marked declared in error.</summary>
    Declared = 4,
}
