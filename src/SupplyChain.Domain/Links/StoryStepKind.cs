namespace SupplyChain.Domain.Links;

/// <summary>What a step of a lot's story did, in the words a consumer reads.</summary>
public enum StoryStepKind
{
    Produced = 1,
    Checked = 2,
    Shipped = 3,
    Received = 4,
    Rejected = 5,
    SplitOff = 6,
    Split = 7,
    MergedFrom = 8,
    MergedInto = 9,
    TransformedFrom = 10,
    TransformedInto = 11,
    Reverted = 12,
}
