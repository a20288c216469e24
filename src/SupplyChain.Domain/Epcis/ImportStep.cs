using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>What one command of an import does.</summary>
public enum ImportKind
{
    Created = 1,
    Checkpoint = 2,
    Shipped = 3,
    Received = 4,
    Rejected = 5,
    Split = 6,
    Merged = 7,
    Transformed = 8,
}

/// <summary>
/// One batch command an imported fact makes, with the index of its EPCIS event. <see cref="Target"/> is the batch whose
/// log takes the command's event id (a split's parent, a merge's new batch, a transformation's first output);
/// <see cref="Command"/> is a <see cref="CreateBatch"/>, <see cref="RecordCheckpoint"/>, <see cref="ShipBatch"/>,
/// <see cref="ReceiveBatch"/>, <see cref="SplitBatch"/>, <see cref="MergeBatches"/> or <see cref="TransformBatches"/>.
/// </summary>
public sealed record ImportStep(int Index, ImportKind Kind, BatchRef Target, string EventId, object Command)
{
    /// <summary>Every batch the command reads or writes.</summary>
    public IEnumerable<BatchRef> Batches => Command switch
    {
        SplitBatch s => s.Parts.Select(p => p.Batch).Prepend(s.Batch),
        MergeBatches m => m.Inputs.Append(m.Output),
        TransformBatches t => t.Inputs.Select(i => i.Batch).Concat(t.Outputs.Select(o => o.Batch)),
        _ => new[] { Target },
    };

    /// <summary>Every party the command names.</summary>
    public IEnumerable<Gln> Parties => Command switch
    {
        CreateBatch c => new[] { c.Producer },
        RecordCheckpoint c => new[] { c.Actor },
        ShipBatch c => new[] { c.Actor, c.Receiver },
        ReceiveBatch c => new[] { c.Actor },
        SplitBatch c => new[] { c.Actor },
        MergeBatches c => new[] { c.Actor },
        TransformBatches c => new[] { c.Actor },
        _ => Array.Empty<Gln>(),
    };
}
