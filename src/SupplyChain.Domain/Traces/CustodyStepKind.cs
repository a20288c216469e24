namespace SupplyChain.Domain.Traces;

/// <summary>What a step in a batch's chain of custody did.</summary>
public enum CustodyStepKind
{
    /// <summary>The producer made the batch.</summary>
    Produced = 1,

    /// <summary>The batch was carved out of a parent by a split.</summary>
    SplitOff = 2,

    /// <summary>The batch was made by merging whole input batches.</summary>
    MergedFrom = 3,

    /// <summary>The custodian shipped the batch to a named receiver.</summary>
    Shipped = 4,

    /// <summary>The receiver took custody.</summary>
    Received = 5,

    /// <summary>The receiver refused the shipment; custody stayed with the shipper.</summary>
    Rejected = 6,

    /// <summary>Parts of the batch went into new child batches.</summary>
    Split = 7,

    /// <summary>The whole batch went into a merged batch.</summary>
    MergedInto = 8,

    /// <summary>A merge the batch went into was undone.</summary>
    MergeReverted = 9,

    /// <summary>The batch was made by a transformation of input batches.</summary>
    TransformedFrom = 10,

    /// <summary>Some or all of the batch went into a transformation.</summary>
    TransformedInto = 11,

    /// <summary>A transformation the batch went into was undone.</summary>
    TransformReverted = 12,
}
