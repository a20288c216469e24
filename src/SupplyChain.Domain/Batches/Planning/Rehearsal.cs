using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>
/// Commands planned and applied in memory on a copy of what is stored, so that a sequence of them is refused whole, at
/// the first refusal, before any reaches a batch. The registrations are as read; the batches change as events apply.
/// </summary>
public sealed class Rehearsal(
    IReadOnlyDictionary<BatchRef, BatchState> batches,
    IReadOnlyDictionary<Gtin, Product> products,
    IReadOnlyDictionary<Gln, Participant> participants,
    IReadOnlyDictionary<string, ChainDefinition> chains,
    IReadOnlyDictionary<(BatchRef Batch, string EventId), RecordedEvent>? events = null) : IBatchLookup
{
    private readonly Dictionary<BatchRef, BatchState> _batches = new(batches);

    // The stored events given, and those the rehearsed commands add (an error declaration may name one of them).
    private readonly Dictionary<(BatchRef Batch, string EventId), RecordedEvent> _events = events is null ? [] : new(events);

    public BatchState? Batch(BatchRef batch) => _batches.GetValueOrDefault(batch);

    public Product? Product(Gtin gtin) => products.GetValueOrDefault(gtin);

    public Participant? Participant(Gln gln) => participants.GetValueOrDefault(gln);

    public ChainDefinition? Chain(string chainId) => chains.GetValueOrDefault(chainId);

    public RecordedEvent? Recorded(BatchRef batch, string eventId) => _events.GetValueOrDefault((batch, eventId));

    /// <summary>Plans the command on the batches as they are now and applies its events; throws its refusal, changing nothing.</summary>
    public IReadOnlyList<PlannedEvent> Run(object command, DateTimeOffset now)
    {
        var planned = BatchPlanner.Plan(command, this, now);
        foreach (var e in planned)
        {
            var after = BatchPlanner.After(Batch(e.Batch), e.Event, now);
            _events.TryAdd((e.Batch, e.Event.EventId), new RecordedEvent(after.Version, now, "", "", e.Event));
            _batches[e.Batch] = after;
        }

        return planned;
    }
}
