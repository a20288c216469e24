using SupplyChain.Abstractions.Alerts;
using SupplyChain.Abstractions.Deliveries;
using SupplyChain.Application.Traces;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Application.Alerts;

/// <summary>Who a recall reached: for each custodian of each recalled batch, whether its alert is stored, delivered by webhook and acknowledged.</summary>
public sealed class RecallReports(IGrainFactory grains)
{
    public async Task<RecallReport> ReportAsync(Caller caller, BatchRef root, CancellationToken ct)
    {
        Rulebook.Permit(caller, Act.ReadRecallReport);
        var genealogy = await Genealogy.RecallScopeAsync(root, level => TraceNodes.FetchAsync(grains, level, ct));
        if (genealogy.Members[0].Node.State.Status != BatchStatus.Recalled)
        {
            throw DomainException.Precondition($"batch {root} is not recalled");
        }

        var reached = genealogy.Members.Select(m => m.Node.State)
            .Where(s => s.Status == BatchStatus.Recalled)
            .SelectMany(s => new[] { s.Custodian, s.PendingReceiver }.OfType<Gln>().Distinct().Select(party => (Party: party, s.Ref)))
            .ToList();
        var notices = new RecallNotice[reached.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, reached.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Bounded.Concurrency, CancellationToken = ct },
            async (i, _) => notices[i] = await NoticeAsync(reached[i].Party, reached[i].Ref));
        return new RecallReport(root, notices);
    }

    private async Task<RecallNotice> NoticeAsync(Gln party, BatchRef batch)
    {
        var audience = AlertAudience.Participant(party);
        var alert = await grains.GetGrain<IAlertHubGrain>(audience).FindAboutAsync(batch, AlertKind.Recalled);
        var delivered = alert is null ? null : await grains.GetGrain<IDeliveryGrain>(audience).DeliveredAsync(AlertPayload.DeliveryId(audience, alert.Alert.AlertId));
        return new RecallNotice(party, batch, alert, delivered);
    }
}
