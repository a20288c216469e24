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
    Declared = 9,
}

/// <summary>
/// One batch command an imported fact makes, with the index of its EPCIS event. <see cref="Target"/> is the batch whose
/// log takes the command's event id (a split's parent, a merge's new batch, a transformation's first output);
/// <see cref="Command"/> is a <see cref="CreateBatch"/>, <see cref="RecordCheckpoint"/>, <see cref="ShipBatch"/>,
/// <see cref="ReceiveBatch"/>, <see cref="SplitBatch"/>, <see cref="MergeBatches"/>, <see cref="TransformBatches"/> or <see cref="DeclareError"/>.
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

    /// <summary>The party in whose name the command acts.</summary>
    public Gln Actor => Command switch
    {
        CreateBatch c => c.Producer,
        RecordCheckpoint c => c.Actor,
        ShipBatch c => c.Actor,
        ReceiveBatch c => c.Actor,
        SplitBatch c => c.Actor,
        MergeBatches c => c.Actor,
        TransformBatches c => c.Actor,
        DeclareError c => c.Actor,
        _ => throw new InvalidOperationException($"an import step holds no command of ours: {Command.GetType().Name}"),
    };

    /// <summary>Every party the command names: who acts, and a shipment's receiver.</summary>
    public IEnumerable<Gln> Parties => Command is ShipBatch ship ? new[] { ship.Actor, ship.Receiver } : new[] { Actor };
}
