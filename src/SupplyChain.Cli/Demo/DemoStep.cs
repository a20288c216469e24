using Google.Protobuf;
using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>
/// One write of a demo batch story: a <see cref="CreateBatchRequest"/>, <see cref="RecordCheckpointRequest"/>,
/// <see cref="ShipBatchRequest"/>, <see cref="ReceiveBatchRequest"/>, <see cref="SplitBatchRequest"/> or
/// <see cref="MergeBatchesRequest"/>, with a fixed event id so that a second load replays instead of appending.
/// </summary>
/// <param name="Story">The story it belongs to, in words.</param>
/// <param name="EventId">The request's event id.</param>
/// <param name="Batch">The batch whose log the event lands in (for a merge, the new batch).</param>
/// <param name="Request">The request message.</param>
/// <param name="Expected">The verdict the server should reach (unspecified when the write is not judged).</param>
public sealed record DemoStep(string Story, string EventId, BatchRef Batch, IMessage Request, Verdict Expected)
{
    /// <summary>The request type in a few words, for progress and error lines.</summary>
    public string Kind => Request switch
    {
        CreateBatchRequest => "create",
        RecordCheckpointRequest c => $"{c.Step} checkpoint",
        ShipBatchRequest => "ship",
        ReceiveBatchRequest => "receive",
        SplitBatchRequest => "split",
        MergeBatchesRequest => "merge",
        _ => Request.Descriptor.Name,
    };

    public override string ToString() => $"{EventId} ({Kind} of {Batch.Gtin}/{Batch.Lot})";
}
