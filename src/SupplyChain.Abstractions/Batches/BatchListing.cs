namespace SupplyChain.Abstractions.Batches;

/// <summary>Which of a participant's batch lists.</summary>
public enum BatchListing
{
    Produced = 1,
    Held = 2,
}
