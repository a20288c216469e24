using SupplyChain.Domain.Batches;

namespace SupplyChain.Domain.Traces;

/// <summary>What a batch answers to a trace: its current state and the trail of its history.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.TraceNode")]
public sealed record TraceNode([property: Id(0)] BatchState State, [property: Id(1)] BatchTrail Trail)
{
    /// <summary>A node folded from a whole log, as a batch grain builds it; null for an empty log.</summary>
    public static TraceNode? Of(IReadOnlyList<RecordedEvent> events)
    {
        BatchState? state = null;
        foreach (var recorded in events)
        {
            state = BatchState.Apply(state, recorded);
        }

        return state is null ? null : new TraceNode(state, BatchTrail.Of(events)!);
    }
}
