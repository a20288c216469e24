using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Chains;

public sealed class ChainLedgerTests
{
    private static readonly ChainDefinition Chain = Sample.Chain(maxTransitHours: 24);
    private static readonly BatchRef Batch = Sample.Lot("L1");
    private static readonly DateTimeOffset T0 = Sample.Now;

    private static ChainMovement Move(long version, double hours, MovementKind kind, Gln custodian, Gln? receiver = null, params string[] violations) =>
        new(Batch, version, T0.AddHours(hours), kind, custodian, receiver, violations);

    [Fact]
    public void A_batch_joins_at_the_stage_of_its_custodian()
    {
        var ledger = new ChainLedger();

        Assert.NotNull(ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer)));

        var at = ledger.Batches[Batch.Key];
        Assert.Equal(new BatchOnChain("farm", T0, Sample.Producer, null, null, 1, false), at);
    }

    [Fact]
    public void A_custodian_in_no_stage_puts_the_batch_off_chain()
    {
        var ledger = new ChainLedger();

        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Stranger));

        Assert.Equal(ChainLedger.OffChain, ledger.Batches[Batch.Key].Stage);
    }

    [Theory]
    [InlineData(MovementKind.Shipped)]
    [InlineData(MovementKind.Received)]
    [InlineData(MovementKind.Rejected)]
    [InlineData(MovementKind.Checked)]
    [InlineData(MovementKind.Consumed)]
    public void Only_joining_puts_an_unknown_batch_on_the_chain(MovementKind kind)
    {
        var ledger = new ChainLedger();

        Assert.Null(ledger.Apply(Chain, Move(1, 0, kind, Sample.Producer, Sample.Distributor, "missed")));
        Assert.Empty(ledger.Batches);
        Assert.Empty(ledger.Violations);
    }

    [Fact]
    public void Shipping_records_the_time_spent_at_the_stage_and_the_shipment()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));

        Assert.NotNull(ledger.Apply(Chain, Move(2, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor)));

        var at = ledger.Batches[Batch.Key];
        Assert.Equal("farm", at.Stage);
        Assert.Equal(Sample.Distributor, at.InTransitTo);
        Assert.Equal(T0.AddHours(6), at.ShippedAt);
        Assert.Equal(2, at.Version);
        Assert.Equal(new StageTimes(1, 6, 6), ledger.Times["farm"]);
    }

    [Fact]
    public void Receiving_moves_the_batch_to_the_receivers_stage()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));
        ledger.Apply(Chain, Move(2, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor));

        Assert.NotNull(ledger.Apply(Chain, Move(3, 30, MovementKind.Received, Sample.Distributor)));

        Assert.Equal(new BatchOnChain("cold-store", T0.AddHours(30), Sample.Distributor, null, null, 3, false), ledger.Batches[Batch.Key]);
        Assert.False(ledger.Times.ContainsKey("cold-store"));
    }

    [Fact]
    public void Stage_times_add_up_over_batches()
    {
        var ledger = new ChainLedger();
        var other = Sample.Lot("L2");
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));
        ledger.Apply(Chain, new ChainMovement(other, 1, T0, MovementKind.Joined, Sample.Producer, null, []));
        ledger.Apply(Chain, Move(2, 2, MovementKind.Shipped, Sample.Producer, Sample.Distributor));
        ledger.Apply(Chain, new ChainMovement(other, 2, T0.AddHours(10), MovementKind.Shipped, Sample.Producer, Sample.Distributor, []));

        var farm = ledger.Times["farm"];
        Assert.Equal(new StageTimes(2, 12, 10), farm);
        Assert.Equal(6, farm.MeanHours);
        Assert.Equal(0, new StageTimes(0, 0, 0).MeanHours);
    }

    [Fact]
    public void A_rejected_shipment_stays_at_the_shippers_stage()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));
        ledger.Apply(Chain, Move(2, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor));

        Assert.NotNull(ledger.Apply(Chain, Move(3, 8, MovementKind.Rejected, Sample.Producer)));

        Assert.Equal(new BatchOnChain("farm", T0.AddHours(8), Sample.Producer, null, null, 3, false), ledger.Batches[Batch.Key]);
    }

    [Fact]
    public void A_consumed_batch_leaves_its_stage()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));

        ledger.Apply(Chain, Move(2, 3, MovementKind.Consumed, Sample.Producer));

        Assert.True(ledger.Batches[Batch.Key].Consumed);
        Assert.Equal(new StageTimes(1, 3, 3), ledger.Times["farm"]);
    }

    [Fact]
    public void A_check_changes_only_the_version()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));

        Assert.NotNull(ledger.Apply(Chain, Move(2, 1, MovementKind.Checked, Sample.Producer)));

        Assert.Equal(new BatchOnChain("farm", T0, Sample.Producer, null, null, 2, false), ledger.Batches[Batch.Key]);
    }

    [Fact]
    public void A_repeated_or_older_version_changes_nothing()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));
        ledger.Apply(Chain, Move(2, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor, "late"));
        var before = ledger.Batches[Batch.Key];

        Assert.Null(ledger.Apply(Chain, Move(2, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor, "late")));
        Assert.Null(ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer)));

        Assert.Equal(before, ledger.Batches[Batch.Key]);
        Assert.Equal(new StageTimes(1, 6, 6), ledger.Times["farm"]);
        Assert.Single(ledger.Violations);
    }

    [Fact]
    public void Violations_are_recorded_at_the_custodians_stage()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));
        ledger.Apply(Chain, Move(2, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor));

        ledger.Apply(Chain, Move(3, 9, MovementKind.Received, Sample.Distributor, null, "no temperature reading", "temperature 7 CEL is above the maximum 5 CEL"));

        Assert.Equal(
            [
                new ChainViolation(Batch, "cold-store", "no temperature reading", T0.AddHours(9), 3),
                new ChainViolation(Batch, "cold-store", "temperature 7 CEL is above the maximum 5 CEL", T0.AddHours(9), 3),
            ],
            ledger.Violations);
    }

    [Fact]
    public void A_change_names_the_batch_s_new_place_whether_stage_times_changed_and_the_violations_added()
    {
        var ledger = new ChainLedger();

        var joined = ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer));
        var checkedOnce = ledger.Apply(Chain, Move(2, 1, MovementKind.Checked, Sample.Producer, null, "moisture too high"));
        var shipped = ledger.Apply(Chain, Move(3, 6, MovementKind.Shipped, Sample.Producer, Sample.Distributor));

        Assert.Equal((Batch.Key, ledger.Batches[Batch.Key], true, 0), (shipped!.BatchKey, shipped.Batch, shipped.TimesChanged, shipped.Violations.Count));
        Assert.Equal((Batch.Key, false, 0), (joined!.BatchKey, joined.TimesChanged, joined.Violations.Count));
        Assert.False(checkedOnce!.TimesChanged);
        Assert.Equal([new ChainViolation(Batch, "farm", "moisture too high", T0.AddHours(1), 2)], checkedOnce.Violations);
        Assert.Equal(checkedOnce.Violations, ledger.Violations);
    }

    [Fact]
    public void Violations_are_capped_keeping_the_newest()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, Move(1, 0, MovementKind.Joined, Sample.Producer, null, [.. Enumerable.Range(0, 600).Select(i => $"v{i}")]));
        ledger.Apply(Chain, Move(2, 1, MovementKind.Checked, Sample.Producer, null, [.. Enumerable.Range(600, 600).Select(i => $"v{i}")]));

        Assert.Equal(ChainLedger.MaxViolations, ledger.Violations.Count);
        Assert.Equal("v200", ledger.Violations[0].Description);
        Assert.Equal("v1199", ledger.Violations[^1].Description);
    }

    [Fact]
    public void A_shipment_is_late_only_past_the_chains_transit_hours()
    {
        var ledger = new ChainLedger();
        var shipped = new BatchOnChain("farm", T0, Sample.Producer, Sample.Distributor, T0, 2, false);

        Assert.False(ledger.IsLate(Chain, shipped, T0.AddHours(24)));
        Assert.True(ledger.IsLate(Chain, shipped, T0.AddHours(24).AddSeconds(1)));
        Assert.False(ledger.IsLate(Chain, shipped with { ShippedAt = null }, T0.AddDays(30)));
        Assert.False(ledger.IsLate(Sample.Chain(maxTransitHours: 0), shipped, T0.AddDays(30)));
    }
}
