using System.Text.Json;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Fuzz.World;

/// <summary>
/// One batch's log as the batch grain stores it: each event recorded with EventHash at the next version, its
/// canonical text kept beside it, and the state after the last event (the head row).
/// </summary>
internal sealed class WorldLog(BatchRef batch)
{
    private readonly List<RecordedEvent> _events = new();
    private readonly List<string> _texts = new();
    private TraceNode? _node;

    public BatchRef Batch { get; } = batch;

    public BatchState? State { get; private set; }

    public IReadOnlyList<RecordedEvent> Events => _events;

    /// <summary>What the batch answers to a trace, folded from the whole log as the grain first folds it.</summary>
    public TraceNode Node => _node is { } node && node.State.Version == _events.Count ? node : _node = TraceNode.Of(_events)!;

    /// <summary>The rows as storage holds them.</summary>
    public IReadOnlyList<StoredLink> Links => _events.Select((e, i) => new StoredLink(e.Version, _texts[i], e.Hash, e.PreviousHash)).ToList();

    /// <summary>The head row: version, hash and the stored state.</summary>
    public StoredHead? Head => State is null ? null : new StoredHead(State.Version, State.HeadHash, JsonSerializer.Serialize(State, EventHash.Canonical));

    public void Append(BatchEvent e, DateTimeOffset now)
    {
        var (recorded, canonical) = EventHash.Record(Batch, (State?.Version ?? 0) + 1, State?.HeadHash ?? "", now, e);
        State = BatchState.Apply(State, recorded);
        _events.Add(recorded);
        _texts.Add(canonical);
    }
}
