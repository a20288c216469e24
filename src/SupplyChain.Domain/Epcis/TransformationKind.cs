namespace SupplyChain.Domain.Epcis;

/// <summary>Which of our operations an imported TransformationEvent is.</summary>
public enum TransformationKind
{
    /// <summary>One lot into new lots of the same GTIN: a split.</summary>
    Split = 1,

    /// <summary>Two or more lots into one new lot: a merge.</summary>
    Merge = 2,

    /// <summary>Anything else (new products from inputs, many into many): no batch operation of ours yet.</summary>
    Transform = 3,
}
