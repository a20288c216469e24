using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Tests.Fixture;

/// <summary>
/// A batch log kept in memory as the grain keeps it: every event goes through EventHash.Record
/// and BatchState.Apply, versions from 1, the first previous hash empty.
/// </summary>
internal sealed class BatchLog(BatchRef batch)
{
    private readonly List<RecordedEvent> _events = [];
    private readonly List<string> _canonical = [];

    public BatchRef Batch { get; } = batch;

    public BatchState? State { get; private set; }

    public IReadOnlyList<RecordedEvent> Events => _events;

    public IReadOnlyList<string> CanonicalJson => _canonical;

    /// <summary>A batch produced by <see cref="Sample.Producer"/> at the farm, an hour before <see cref="Sample.Now"/>.</summary>
    public static BatchLog Produced(string lot = "L2025-001", decimal kilograms = 100m, string? chainId = "tea-north", Gtin? gtin = null)
    {
        var log = new BatchLog(new BatchRef(gtin ?? Sample.Tea, lot));
        log.Append(new BatchCreated(
            $"create-{lot}", Sample.Producer, Sample.Farm, Sample.Now.AddHours(-1), log.Batch.Gtin, lot, Sample.Kg(kilograms),
            Sample.Producer, chainId, Origin.Produced, []));
        return log;
    }

    /// <summary>Stores one more event and returns the state after it.</summary>
    public BatchState Append(BatchEvent e)
    {
        var (recorded, canonical) = EventHash.Record(Batch, _events.Count + 1, State?.HeadHash ?? "", e.EventTime.AddSeconds(1), e);
        State = BatchState.Apply(State, recorded);
        _events.Add(recorded);
        _canonical.Add(canonical);
        return State;
    }

    public BatchState Ship(Gln to, DateTimeOffset? at = null) =>
        Append(new BatchShipped($"ship-{_events.Count + 1}", State!.Custodian, State.Location, at ?? State.UpdatedAt.AddMinutes(10), to, State.Quantity));

    public BatchState Receive(Quantity? received = null, Gln? location = null, DateTimeOffset? at = null)
    {
        var state = State!;
        var got = received ?? state.Quantity;
        return Append(new BatchReceived(
            $"receive-{_events.Count + 1}", state.PendingReceiver!.Value, location ?? Sample.Warehouse, at ?? state.UpdatedAt.AddMinutes(20),
            state.Custodian, state.Quantity, got, state.Quantity.Subtract(got), "good", [], Verdict.Pass, []));
    }

    public BatchState FailFoodSafety(string step = "sampling") =>
        Append(new CheckpointRecorded(
            $"check-{_events.Count + 1}", Sample.Lab, State!.Location, State.UpdatedAt.AddMinutes(5), CheckpointKind.FoodSafety, step,
            [new MeasurementResult(new Measurement("lead", 0.5m, "MG/KG"), new Limit("lead", null, 0.2m, "MG/KG"), "product", false)],
            Verdict.Fail, new Certificate(Sample.Lab, "LAB-42")));
}
