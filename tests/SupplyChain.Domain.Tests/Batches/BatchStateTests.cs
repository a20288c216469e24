using System.Text.Json;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class BatchStateTests
{
    private static readonly DateTimeOffset T = Sample.Now.AddHours(-1);

    private sealed record Unheard(string EventId) : BatchEvent(EventId, Sample.Producer, Sample.Farm, Sample.Now)
    {
        public override string BizStep => "unknown";
    }

    private static RecordedEvent Stored(long version, BatchEvent e) => new(version, e.EventTime, "prev", $"hash-{version}", e);

    [Fact]
    public void Created_starts_an_active_batch_held_by_its_maker()
    {
        var log = BatchLog.Produced("L1", 100m);
        var state = log.State!;

        Assert.Equal(Sample.Lot("L1"), state.Ref);
        Assert.Equal(Sample.Kg(100m), state.Quantity);
        Assert.Equal(Sample.Producer, state.Producer);
        Assert.Equal(Sample.Producer, state.Custodian);
        Assert.Equal(Sample.Farm, state.Location);
        Assert.Equal(BatchStatus.Active, state.Status);
        Assert.Null(state.PendingReceiver);
        Assert.Null(state.ShippedAt);
        Assert.Equal("tea-north", state.ChainId);
        Assert.Empty(state.Parents);
        Assert.Empty(state.Children);
        Assert.Null(state.HoldReason);
        Assert.Equal(0, state.FailedCheckpoints);
        Assert.Equal(T, state.CreatedAt);
        Assert.Equal(T, state.UpdatedAt);
        Assert.Equal(1, state.Version);
        Assert.Equal(log.Events[0].Hash, state.HeadHash);
        Assert.Equal("", log.Events[0].PreviousHash);
    }

    [Fact]
    public void Every_event_advances_version_head_hash_and_update_time_but_not_creation_time()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Receive();
        log.FailFoodSafety();

        var state = log.State!;
        Assert.Equal(4, state.Version);
        Assert.Equal(log.Events[^1].Hash, state.HeadHash);
        Assert.Equal(log.Events[^1].Event.EventTime, state.UpdatedAt);
        Assert.Equal(T, state.CreatedAt);
        for (var i = 1; i < log.Events.Count; i++)
        {
            Assert.Equal(log.Events[i - 1].Hash, log.Events[i].PreviousHash);
        }
    }

    [Fact]
    public void Only_a_created_event_starts_a_batch()
    {
        foreach (var e in Events.All.Where(e => e is not BatchCreated))
        {
            var thrown = Assert.Throws<InvalidOperationException>(() => BatchState.Apply(null, Stored(7, e)));
            Assert.Contains("event 7 of a batch that was never created", thrown.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_event_type_is_refused()
    {
        var state = BatchLog.Produced().State;

        var thrown = Assert.Throws<InvalidOperationException>(() => BatchState.Apply(state, Stored(2, new Unheard("x"))));
        Assert.Contains("unknown event Unheard", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_then_received_moves_custody_location_and_quantity()
    {
        var log = BatchLog.Produced(kilograms: 100m);

        var shipped = log.Ship(Sample.Distributor, at: T.AddMinutes(5));
        Assert.Equal((BatchStatus.InTransit, Sample.Distributor, T.AddMinutes(5), Sample.Producer), (shipped.Status, shipped.PendingReceiver, shipped.ShippedAt, shipped.Custodian));

        var received = log.Receive(Sample.Kg(97.5m), Sample.Shop, T.AddHours(3));
        Assert.Equal(BatchStatus.Active, received.Status);
        Assert.Equal(Sample.Distributor, received.Custodian);
        Assert.Equal(Sample.Shop, received.Location);
        Assert.Equal(Sample.Kg(97.5m), received.Quantity);
        Assert.Null(received.PendingReceiver);
        Assert.Null(received.ShippedAt);
        Assert.Equal(T.AddHours(3), received.UpdatedAt);
    }

    [Fact]
    public void Rejected_returns_the_batch_to_the_shipper_untouched()
    {
        var log = BatchLog.Produced();
        var before = log.State!;
        log.Ship(Sample.Distributor);

        var state = log.Append(new ShipmentRejected("reject", Sample.Distributor, Sample.Warehouse, T.AddHours(1), Sample.Producer, "wet"));

        Assert.Equal(before with { Version = 3, HeadHash = state.HeadHash, UpdatedAt = T.AddHours(1) }, state with { Parents = before.Parents, Children = before.Children });
    }

    [Fact]
    public void A_failed_food_safety_check_on_a_batch_in_transit_is_counted_without_a_hold()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);

        var state = log.FailFoodSafety();

        Assert.Equal(BatchStatus.InTransit, state.Status);
        Assert.Null(state.HoldReason);
        Assert.Equal(1, state.FailedCheckpoints);
    }

    [Fact]
    public void Merged_consumes_and_reverted_restores()
    {
        var log = BatchLog.Produced(kilograms: 40m);

        var merged = log.Append(new BatchMerged("m", Sample.Producer, Sample.Farm, T.AddMinutes(1), Sample.Lot("M1"), Sample.Kg(40m)));
        Assert.Equal((BatchStatus.Consumed, 0m, 1), (merged.Status, merged.Quantity.Value, merged.Children.Count));
        Assert.Equal("KGM", merged.Quantity.Unit);

        var reverted = log.Append(new MergeReverted("r", Sample.Producer, Sample.Farm, T.AddMinutes(2), Sample.Lot("M1"), Sample.Kg(40m), "other input on hold"));
        Assert.Equal((BatchStatus.Active, Sample.Kg(40m)), (reverted.Status, reverted.Quantity));
        Assert.Empty(reverted.Children);
        Assert.Equal(3, reverted.Version);
    }

    [Fact]
    public void The_state_reads_back_from_its_stored_json()
    {
        var log = BatchLog.Produced();
        log.Append(new BatchSplit("s", Sample.Producer, Sample.Farm, T.AddMinutes(1), [new BatchPart(Sample.Lot("C1"), Sample.Kg(1m))], Sample.Kg(99m)));
        log.FailFoodSafety();
        var state = log.State!;

        var back = JsonSerializer.Deserialize<BatchState>(JsonSerializer.Serialize(state, EventHash.Canonical), EventHash.Canonical)!;

        Assert.Equal(state with { Parents = [], Children = [] }, back with { Parents = [], Children = [] });
        Assert.Equal(state.Children, back.Children);
        Assert.Empty(back.Parents);

        var moving = BatchLog.Produced("L9");
        var inTransit = moving.Ship(Sample.Distributor);
        var readBack = JsonSerializer.Deserialize<BatchState>(JsonSerializer.Serialize(inTransit, EventHash.Canonical), EventHash.Canonical)!;
        Assert.Equal(inTransit.PendingReceiver, readBack.PendingReceiver);
        Assert.Equal(inTransit.ShippedAt, readBack.ShippedAt);
    }
}
