namespace SupplyChain.Domain.Batches;

/// <summary>Where a batch stands.</summary>
public enum BatchStatus
{
    Active = 1,
    InTransit = 2,
    Consumed = 3,
    Recalled = 4,
    OnHold = 5,
}

/// <summary>The kind of a checkpoint.</summary>
public enum CheckpointKind
{
    Production = 1,
    Environmental = 2,
    FoodSafety = 3,
}

/// <summary>The server's judgement of a checkpoint.</summary>
public enum Verdict
{
    Pass = 1,
    Fail = 2,
}

/// <summary>How a batch came to be.</summary>
public enum Origin
{
    Produced = 1,
    Split = 2,
    Merged = 3,

    /// <summary>Made by a transformation from inputs that may be other products.</summary>
    Transformed = 4,
}
