using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class ReceiveTests
{
    private static BatchLog Shipped(decimal kilograms = 100m)
    {
        var log = BatchLog.Produced(kilograms: kilograms);
        log.Ship(Sample.Distributor);
        return log;
    }

    private static ReceiveBatch Accept(BatchLog log, Quantity? received = null, Gln? actor = null, IReadOnlyList<Measurement>? readings = null, DateTimeOffset? at = null) =>
        new("receive-1", log.Batch, actor ?? Sample.Distributor, true, received, "sealed, dry", Sample.Warehouse, at, readings ?? [], "");

    private static ReceiveBatch Reject(BatchLog log, string reason, Gln? actor = null) =>
        new("reject-1", log.Batch, actor ?? Sample.Distributor, false, null, "", Sample.Warehouse, null, [], reason);

    [Fact]
    public void The_named_receiver_takes_the_whole_batch()
    {
        var log = Shipped();

        var e = Assert.IsType<BatchReceived>(BatchRules.Receive(log.State, Accept(log), null, Sample.Now));

        Assert.Equal(Sample.Distributor, e.Actor);
        Assert.Equal(Sample.Producer, e.Shipper);
        Assert.Equal(Sample.Kg(100m), e.Shipped);
        Assert.Equal(Sample.Kg(100m), e.Received);
        Assert.Equal(Quantity.Zero("KGM"), e.Loss);
        Assert.Equal("sealed, dry", e.Condition);
        Assert.Equal(Verdict.Pass, e.Verdict);
        Assert.Empty(e.MissingReadings);
        Assert.Equal(Sample.Now, e.EventTime);
        Assert.Equal("receiving", e.BizStep);
    }

    [Fact]
    public void Receiving_hands_custody_to_the_receiver()
    {
        var log = Shipped();

        var state = log.Append(BatchRules.Receive(log.State, Accept(log), null, Sample.Now));

        Assert.Equal(BatchStatus.Active, state.Status);
        Assert.Equal(Sample.Distributor, state.Custodian);
        Assert.Equal(Sample.Warehouse, state.Location);
        Assert.Null(state.PendingReceiver);
        Assert.Null(state.ShippedAt);
        Assert.Equal(Sample.Producer, state.Producer);
    }

    [Theory]
    [InlineData("99.75", "0.25")]
    [InlineData("0.000001", "99.999999")]
    [InlineData("100.000", "0")]
    public void A_shortfall_is_recorded_as_loss(string received, string loss)
    {
        var log = Shipped();
        var got = Sample.Kg(decimal.Parse(received, System.Globalization.CultureInfo.InvariantCulture));

        var e = Assert.IsType<BatchReceived>(BatchRules.Receive(log.State, Accept(log, got), null, Sample.Now));
        var state = log.Append(e);

        Assert.Equal(loss, e.Loss.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(e.Shipped, e.Received.Add(e.Loss));
        Assert.Equal(got, state.Quantity);
    }

    [Fact]
    public void More_than_was_shipped_is_refused()
    {
        var log = Shipped();

        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.Receive(log.State, Accept(log, Sample.Kg(100.000001m)), null, Sample.Now),
            "received 100.000001 KGM is more than the 100 KGM shipped", "quantities are conserved");
    }

    [Fact]
    public void The_received_quantity_is_in_the_shipped_unit()
    {
        var log = Shipped();

        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.Receive(log.State, Accept(log, new Quantity(50m, "GRM")), null, Sample.Now),
            "quantity_received.unit:", "GRM differs from the shipped unit KGM");
    }

    [Theory]
    [InlineData("8936047800018")] // the shipper
    [InlineData("8936047800032")] // somebody else on the chain
    public void Only_the_named_receiver_receives_or_rejects(string gln)
    {
        var log = Shipped();
        var actor = Gln.Parse(gln);

        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.Receive(log.State, Accept(log, actor: actor), null, Sample.Now), $"was shipped to {Sample.Distributor}", "only that receiver");
        Refusals.Expect(Refusal.PermissionDenied, () => BatchRules.Receive(log.State, Reject(log, "damaged", actor), null, Sample.Now), $"was shipped to {Sample.Distributor}");
    }

    [Fact]
    public void A_batch_that_is_not_in_transit_is_not_received()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Receive(log.State, Accept(log), null, Sample.Now), $"batch {log.Batch} is not in transit (it is active)");
        log.FailFoodSafety();
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Receive(log.State, Accept(log), null, Sample.Now), "(it is on hold)");
        Refusals.Expect(Refusal.NotFound, () => BatchRules.Receive(null, Accept(log), null, Sample.Now), "does not exist");
    }

    [Fact]
    public void A_batch_is_received_once()
    {
        var log = Shipped();
        log.Append(BatchRules.Receive(log.State, Accept(log), null, Sample.Now));

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Receive(log.State, Accept(log), null, Sample.Now), "is not in transit");
    }

    [Fact]
    public void A_rejected_shipment_stays_with_the_shipper()
    {
        var log = Shipped();

        var e = Assert.IsType<ShipmentRejected>(BatchRules.Receive(log.State, Reject(log, "  seal broken "), null, Sample.Now));
        var state = log.Append(e);

        Assert.Equal(Sample.Producer, e.Shipper);
        Assert.Equal("seal broken", e.Reason);
        Assert.Equal(BatchStatus.Active, state.Status);
        Assert.Equal(Sample.Producer, state.Custodian);
        Assert.Null(state.PendingReceiver);
        Assert.Null(state.ShippedAt);
        Assert.Equal(Sample.Kg(100m), state.Quantity);
        Assert.Equal(Sample.Producer, BatchRules.Ship(state, new ShipBatch("ship-2", log.Batch, Sample.Producer, Sample.Retailer, null, Sample.Farm, null), Sample.Now).Actor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_reason(string reason)
    {
        var log = Shipped();

        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Receive(log.State, Reject(log, reason), null, Sample.Now), "reason: is required");
    }

    [Fact]
    public void A_receipt_is_not_before_the_shipment()
    {
        var log = Shipped();
        var shippedAt = log.State!.ShippedAt!.Value;

        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.Receive(log.State, Accept(log, at: shippedAt.AddTicks(-1)), null, Sample.Now), "received_at", "events must be in order");
        Assert.Equal(shippedAt, BatchRules.Receive(log.State, Accept(log, at: shippedAt), null, Sample.Now).EventTime);
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Receive(log.State, Accept(log, at: Sample.Now.AddHours(1)), null, Sample.Now), "received_at:", "in the future");
    }

    [Fact]
    public void Handoff_readings_are_judged_against_the_receivers_stage()
    {
        var log = Shipped();

        var e = Assert.IsType<BatchReceived>(BatchRules.Receive(log.State, Accept(log, readings: [new Measurement("temperature", 6m, "CEL")]), Sample.Chain(), Sample.Now));

        var result = Assert.Single(e.Results);
        Assert.Equal(("chain:cold-store", false), (result.Source, result.Within));
        Assert.Equal(Verdict.Fail, e.Verdict);
        Assert.Empty(e.MissingReadings);
    }

    [Fact]
    public void A_missing_handoff_reading_is_recorded_not_refused()
    {
        var log = Shipped();

        var e = Assert.IsType<BatchReceived>(BatchRules.Receive(log.State, Accept(log), Sample.Chain(), Sample.Now));

        Assert.Equal(["no temperature reading at handoff into stage 'cold-store'"], e.MissingReadings);
        Assert.Equal(Verdict.Pass, e.Verdict);
    }

    [Fact]
    public void Product_limits_are_not_applied_at_receipt()
    {
        var log = Shipped();

        // Moisture is a product limit (checked at checkpoints); the stage says nothing about it.
        var e = Assert.IsType<BatchReceived>(BatchRules.Receive(log.State, Accept(log, readings: [new Measurement("moisture", 90m, "%")]), Sample.Chain(), Sample.Now));

        Assert.Null(Assert.Single(e.Results).Limit);
        Assert.Equal(Verdict.Pass, e.Verdict);
    }

    [Fact]
    public void At_most_50_handoff_readings_are_taken()
    {
        var log = Shipped();
        var readings = Enumerable.Range(0, 51).Select(i => new Measurement($"t{i}", 1m, "CEL")).ToList();

        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Receive(log.State, Accept(log, readings: readings), null, Sample.Now), "measurements:", "at most 50");
    }
}
