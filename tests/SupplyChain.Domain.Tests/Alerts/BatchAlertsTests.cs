using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Alerts;

public sealed class BatchAlertsTests
{
    [Fact]
    public void A_failed_food_safety_check_raises_a_failed_check_and_the_hold_it_causes_for_custodian_producer_and_chain()
    {
        var log = BatchLog.Produced();
        var state = log.FailFoodSafety();

        var alerts = BatchAlerts.Of(state, log.Events[^1]);

        Assert.Equal([AlertKind.CheckpointFailed, AlertKind.Held], alerts.Select(a => a.Kind).ToList());
        Assert.Equal($"{log.Batch.Key}/2/CheckpointFailed", alerts[0].AlertId);
        Assert.Equal(["participant/" + Sample.Producer.Value, "chain/tea-north"], AlertAudience.Of(alerts[0]));
    }

    [Fact]
    public void Passing_checks_and_ordinary_moves_raise_nothing_and_a_consumed_batch_nothing_at_all()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        Assert.Empty(BatchAlerts.Of(log.State!, log.Events[^1]));

        var consumed = log.State! with { Status = BatchStatus.Consumed };
        Assert.Empty(BatchAlerts.Of(consumed, new RecordedEvent(3, Sample.Now, "", "", new BatchRecalled("r", Sample.Auditor, Sample.Auditor, Sample.Now, "r", log.Batch, "why"))));
    }

    [Fact]
    public void A_recall_in_transit_reaches_the_receiver_too()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        var state = log.Append(new BatchRecalled("r", Sample.Auditor, Sample.Auditor, Sample.Now, "r", Sample.Lot("ROOT"), "lead"));

        var alert = Assert.Single(BatchAlerts.Of(state, log.Events[^1]));

        Assert.Equal(AlertKind.Recalled, alert.Kind);
        Assert.Contains("made from", alert.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["participant/" + Sample.Producer.Value, "participant/" + Sample.Distributor.Value, "chain/tea-north"],
            AlertAudience.Of(alert));
    }

    [Fact]
    public void A_shipment_is_overdue_only_after_its_chains_limit()
    {
        var log = BatchLog.Produced();
        var shipped = log.Ship(Sample.Distributor, Sample.Now);
        var chain = Sample.Chain(maxTransitHours: 48);

        Assert.Equal(Sample.Now.AddHours(48), BatchAlerts.TransitDeadline(shipped, chain));
        Assert.Null(BatchAlerts.Overdue(shipped, chain, Sample.Now.AddHours(47)));
        Assert.Equal(AlertKind.ShipmentOverdue, BatchAlerts.Overdue(shipped, chain, Sample.Now.AddHours(49))!.Kind);
        Assert.Null(BatchAlerts.TransitDeadline(shipped, Sample.Chain(maxTransitHours: 0)));
        Assert.Null(BatchAlerts.TransitDeadline(log.Receive(), chain));
    }
}
