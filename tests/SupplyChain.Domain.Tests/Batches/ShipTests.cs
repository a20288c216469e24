using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class ShipTests
{
    private static ShipBatch Command(BatchLog log, Gln? actor = null, Gln? to = null, Quantity? quantity = null, DateTimeOffset? at = null) =>
        new("ship-1", log.Batch, actor ?? Sample.Producer, to ?? Sample.Distributor, quantity, Sample.Farm, at);

    [Fact]
    public void The_custodian_ships_the_whole_batch_to_a_named_receiver()
    {
        var log = BatchLog.Produced(kilograms: 12.5m);

        var e = BatchRules.Ship(log.State, Command(log), Sample.Now);

        Assert.Equal(new BatchShipped("ship-1", Sample.Producer, Sample.Farm, Sample.Now, Sample.Distributor, Sample.Kg(12.5m)), e);
        Assert.Equal("shipping", e.BizStep);
    }

    [Fact]
    public void Shipping_puts_the_batch_in_transit()
    {
        var log = BatchLog.Produced();

        var state = log.Append(BatchRules.Ship(log.State, Command(log, at: Sample.Now.AddMinutes(-20)), Sample.Now));

        Assert.Equal(BatchStatus.InTransit, state.Status);
        Assert.Equal(Sample.Distributor, state.PendingReceiver);
        Assert.Equal(Sample.Now.AddMinutes(-20), state.ShippedAt);
        Assert.Equal(Sample.Producer, state.Custodian);
        Assert.Equal(Sample.Farm, state.Location);
    }

    [Fact]
    public void The_quantity_may_be_named_if_it_is_the_whole_batch()
    {
        var log = BatchLog.Produced(kilograms: 12.5m);

        var e = BatchRules.Ship(log.State, Command(log, quantity: Quantity.Parse(12.50, "kgm")), Sample.Now);

        Assert.Equal(Sample.Kg(12.5m), e.Quantity);
    }

    [Theory]
    [InlineData("12.4", "KGM")]
    [InlineData("12.6", "KGM")]
    [InlineData("12.5", "LTR")]
    public void Part_of_a_batch_is_not_shipped(string value, string unit)
    {
        var log = BatchLog.Produced(kilograms: 12.5m);
        var part = new Quantity(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit);

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Ship(log.State, Command(log, quantity: part), Sample.Now), "ship the whole batch (12.5 KGM)", "split it first");
    }

    [Theory]
    [InlineData("8936047800025")]
    [InlineData("8936047800049")]
    public void Only_the_custodian_ships(string gln)
    {
        var log = BatchLog.Produced();

        Refusals.Expect(
            Refusal.PermissionDenied,
            () => BatchRules.Ship(log.State, Command(log, actor: Gln.Parse(gln), to: Sample.Retailer), Sample.Now),
            $"only the current custodian {Sample.Producer} may ship batch {log.Batch}");
    }

    [Fact]
    public void After_a_receipt_only_the_new_custodian_ships()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Receive();

        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.Ship(log.State, Command(log, actor: Sample.Producer, to: Sample.Retailer), Sample.Now), $"custodian {Sample.Distributor}");
        Assert.Equal(Sample.Retailer, BatchRules.Ship(log.State, Command(log, actor: Sample.Distributor, to: Sample.Retailer), Sample.Now).Receiver);
    }

    [Fact]
    public void A_batch_is_not_shipped_to_its_own_custodian()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Ship(log.State, Command(log, to: Sample.Producer), Sample.Now), "receiver_gln:", "cannot be shipped to its own custodian");
    }

    [Fact]
    public void A_batch_on_hold_is_not_shipped()
    {
        var log = BatchLog.Produced();
        log.FailFoodSafety();

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Ship(log.State, Command(log), Sample.Now), $"batch {log.Batch} is on hold", "cannot be shipped");
    }

    [Fact]
    public void A_batch_in_transit_is_not_shipped_again()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.Ship(log.State, Command(log, to: Sample.Retailer), Sample.Now),
            $"is in transit to {Sample.Distributor} and cannot be shipped until it is received");
    }

    [Fact]
    public void A_consumed_batch_is_not_shipped()
    {
        var log = BatchLog.Produced(kilograms: 10m);
        log.Append(new BatchSplit("split", Sample.Producer, Sample.Farm, Sample.Now.AddMinutes(-30), [new BatchPart(Sample.Lot("C1"), Sample.Kg(10m))], Sample.Kg(0m)));

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Ship(log.State, Command(log), Sample.Now), $"batch {log.Batch} is consumed and cannot be shipped");
    }

    [Fact]
    public void An_unknown_batch_is_not_found()
    {
        var log = new BatchLog(Sample.Lot("NOPE"));

        Refusals.Expect(Refusal.NotFound, () => BatchRules.Ship(null, Command(log), Sample.Now), $"batch {log.Batch} does not exist");
    }

    [Fact]
    public void A_shipment_is_not_before_the_batch_was_made_nor_in_the_future()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Ship(log.State, Command(log, at: log.State!.CreatedAt.AddTicks(-1)), Sample.Now), "shipped_at", "events must be in order");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Ship(log.State, Command(log, at: Sample.Now.AddMinutes(10)), Sample.Now), "shipped_at:", "in the future");
    }

    [Fact]
    public void A_shipment_is_not_before_the_custodian_received_the_batch()
    {
        // The batch reached the distributor at Now-30min; it cannot have left the distributor at Now-40min.
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        var received = log.Receive();
        Assert.Equal(Sample.Now.AddMinutes(-30), received.UpdatedAt);

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.Ship(received, Command(log, actor: Sample.Distributor, to: Sample.Retailer, at: Sample.Now.AddMinutes(-40)), Sample.Now),
            "shipped_at", "events must be in order");
    }
}
