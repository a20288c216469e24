using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Chains;

public sealed class ChainReportTests
{
    private static readonly ChainDefinition Chain = Sample.Chain(maxTransitHours: 24);
    private static readonly DateTimeOffset T0 = Sample.Now;

    [Fact]
    public void A_report_counts_every_batch_and_shipment_and_lists_the_first_by_key_and_the_oldest_shipments()
    {
        var ledger = new ChainLedger();
        var extra = 5;
        var atFarm = Enumerable.Range(0, Bounds.ChainReportListed + extra).Select(i => Sample.Lot($"F{i:D5}")).ToList();
        var shipped = Enumerable.Range(0, Bounds.ChainReportListed + extra).Select(i => Sample.Lot($"S{i:D5}")).ToList();
        foreach (var lot in atFarm.Concat(shipped).Reverse())
        {
            ledger.Apply(Chain, new ChainMovement(lot, 1, T0, MovementKind.Joined, Sample.Producer, null, []));
        }

        // Shipped newest first, so that the oldest shipments are the last lots.
        for (var i = 0; i < shipped.Count; i++)
        {
            ledger.Apply(Chain, new ChainMovement(shipped[i], 2, T0.AddMinutes(shipped.Count - i), MovementKind.Shipped, Sample.Producer, Sample.Distributor, []));
        }

        var report = ChainReport.Of(Chain, ledger, T0.AddHours(1));

        var farm = report.Stages.Single(s => s.Name == "farm");
        Assert.Equal((atFarm.Count, Bounds.ChainReportListed), (farm.Here, farm.Batches.Count));
        Assert.Equal(atFarm.Take(Bounds.ChainReportListed), farm.Batches);
        Assert.Equal((shipped.Count, Bounds.ChainReportListed), (report.InTransitCount, report.InTransit.Count));
        Assert.Equal(Enumerable.Reverse(shipped).Take(Bounds.ChainReportListed), report.InTransit.Select(t => t.Batch));
        Assert.Equal(atFarm.Count + shipped.Count, report.BatchCount);
    }

    [Fact]
    public void A_small_report_lists_everything_it_counts()
    {
        var ledger = new ChainLedger();
        ledger.Apply(Chain, new ChainMovement(Sample.Lot("A"), 1, T0, MovementKind.Joined, Sample.Producer, null, []));
        ledger.Apply(Chain, new ChainMovement(Sample.Lot("B"), 1, T0, MovementKind.Joined, Sample.Producer, null, []));
        ledger.Apply(Chain, new ChainMovement(Sample.Lot("B"), 2, T0, MovementKind.Shipped, Sample.Producer, Sample.Distributor, []));

        var report = ChainReport.Of(Chain, ledger, T0.AddHours(1));

        var farm = report.Stages.Single(s => s.Name == "farm");
        Assert.Equal(1, farm.Here);
        Assert.Equal([Sample.Lot("A")], farm.Batches);
        Assert.Equal((1, Sample.Lot("B")), (report.InTransitCount, Assert.Single(report.InTransit).Batch));
    }
}
