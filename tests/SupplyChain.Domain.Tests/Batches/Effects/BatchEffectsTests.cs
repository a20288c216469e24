using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Effects;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches.Effects;

public sealed class BatchEffectsTests
{
    private static BatchEffects Last(BatchLog log) => BatchEffects.Of(log.State!, log.Events[^1]);

    [Fact]
    public void A_new_batch_joins_its_chain_and_the_producers_lists()
    {
        var effects = Last(BatchLog.Produced("A"));

        Assert.Equal(MovementKind.Joined, effects.Movement?.Kind);
        Assert.Equal([ListingChange.Produced(Sample.Producer), ListingChange.Holds(Sample.Producer, true)], effects.Listings);
        Assert.Empty(effects.Children);
        Assert.False(effects.WatchTransit);
    }

    [Fact]
    public void A_batch_on_no_chain_moves_nothing_on_a_chain()
    {
        Assert.Null(Last(BatchLog.Produced("A", chainId: null)).Movement);
    }

    [Fact]
    public void A_shipment_is_watched_and_tells_the_chain_who_receives_it()
    {
        var log = BatchLog.Produced("A");
        log.Ship(Sample.Distributor);

        var effects = Last(log);

        Assert.True(effects.WatchTransit);
        Assert.Equal((MovementKind.Shipped, Sample.Producer, (Domain.Identifiers.Gln?)Sample.Distributor), (effects.Movement!.Kind, effects.Movement.Custodian, effects.Movement.Receiver));
        Assert.Empty(effects.Listings);
    }

    [Fact]
    public void A_receipt_moves_the_batch_from_the_shippers_held_list_to_the_receivers()
    {
        var log = BatchLog.Produced("A");
        log.Ship(Sample.Distributor);
        log.Receive();

        var effects = Last(log);

        Assert.Equal(MovementKind.Received, effects.Movement?.Kind);
        Assert.Equal([ListingChange.Holds(Sample.Distributor, true), ListingChange.Holds(Sample.Producer, false)], effects.Listings);
        Assert.False(effects.WatchTransit);
    }

    [Fact]
    public void A_split_of_everything_creates_each_child_with_a_derived_id_and_consumes_the_parent()
    {
        var log = BatchLog.Produced("A", 50m);
        log.Append(new BatchSplit("split-1", Sample.Producer, Sample.Farm, log.State!.UpdatedAt.AddMinutes(1),
            [new BatchPart(Sample.Lot("C1"), Sample.Kg(30m)), new BatchPart(Sample.Lot("C2"), Sample.Kg(20m))], Sample.Kg(0m)));

        var effects = Last(log);

        Assert.Equal([Sample.Lot("C1"), Sample.Lot("C2")], effects.Children.Select(c => c.Batch));
        Assert.Equal(["split-1~split0", "split-1~split1"], effects.Children.Select(c => c.Created.EventId));
        Assert.All(effects.Children, c => Assert.Equal([new BatchPart(log.Batch, c.Created.Quantity)], c.Created.Inputs));
        Assert.Equal(MovementKind.Consumed, effects.Movement?.Kind);
        Assert.Equal([ListingChange.Holds(Sample.Producer, false)], effects.Listings);
    }

    [Fact]
    public void A_passed_check_changes_nothing_on_the_chain_and_a_failed_one_is_recorded_with_its_violations()
    {
        var log = BatchLog.Produced("A");
        log.FailFoodSafety();

        var effects = Last(log);

        Assert.Equal(MovementKind.Checked, effects.Movement?.Kind);
        Assert.NotEmpty(effects.Movement!.Violations);
        Assert.Contains(effects.Alerts, a => a.Batch == log.Batch);
        Assert.Empty(effects.Listings);
    }

    [Fact]
    public void A_lot_made_by_a_merge_reports_its_inputs()
    {
        var log = new BatchLog(Sample.Lot("M1"));
        log.Append(new BatchCreated("merge-1", Sample.Producer, Sample.Farm, Sample.Now, Sample.Tea, "M1", Sample.Kg(15m), Sample.Producer, null, Origin.Merged,
            [new BatchPart(Sample.Lot("A"), Sample.Kg(10m)), new BatchPart(Sample.Lot("B"), Sample.Kg(5m))]));

        Assert.Equal([Sample.Lot("A"), Sample.Lot("B")], Last(log).Inputs);
    }
}
