using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Traces;

public sealed class HandoffTests
{
    [Fact]
    public void Each_shipment_pairs_with_the_receipt_or_rejection_after_it()
    {
        var log = BatchLog.Produced(kilograms: 100m);
        log.Ship(Sample.Distributor);
        log.Append(new ShipmentRejected("reject-3", Sample.Distributor, Sample.Warehouse, log.State!.UpdatedAt.AddMinutes(30), Sample.Producer, "seal broken"));
        log.Ship(Sample.Distributor);
        log.Receive(Sample.Kg(98m));
        log.Ship(Sample.Retailer);

        var handoffs = Handoff.Of(BatchTrail.Of(log.Events)!.Custody);

        Assert.Equal([HandoffOutcome.Rejected, HandoffOutcome.Received, HandoffOutcome.InTransit], handoffs.Select(h => h.Outcome).ToArray());
        Assert.Equal([2L, 4L, 6L], handoffs.Select(h => h.Shipment.Version).ToArray());
        Assert.Equal([3L, 5L, null], handoffs.Select(h => h.Settlement?.Version).ToArray());
        Assert.Equal("seal broken", handoffs[0].Settlement!.Note);
        Assert.Equal(
            (Sample.Producer, Sample.Distributor, Sample.Kg(100m), Sample.Kg(98m), Sample.Kg(2m)),
            (handoffs[1].From, handoffs[1].To, handoffs[1].Shipped, handoffs[1].Settlement!.Quantity, handoffs[1].Settlement!.Loss));
        Assert.Equal((Sample.Distributor, Sample.Retailer, Sample.Kg(98m)), (handoffs[2].From, handoffs[2].To, handoffs[2].Shipped));
    }

    [Fact]
    public void A_batch_never_shipped_has_no_handoffs()
    {
        var log = BatchLog.Produced();
        log.FailFoodSafety();

        Assert.Empty(Handoff.Of(BatchTrail.Of(log.Events)!.Custody));
    }
}
