using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Chains;

/// <summary>
/// Batches at one stage now (all counted in <see cref="Here"/>, the first <see cref="Bounds.ChainReportListed"/> by
/// key listed), and the time batches spent there.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.StageReport")]
public sealed record StageReport(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<BatchRef> Batches,
    [property: Id(2)] int Completed,
    [property: Id(3)] double MeanHours,
    [property: Id(4)] double MaxHours,
    [property: Id(5)] int Here);

/// <summary>A shipment under way on a chain.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.TransitReport")]
public sealed record TransitReport(
    [property: Id(0)] BatchRef Batch,
    [property: Id(1)] Gln From,
    [property: Id(2)] Gln To,
    [property: Id(3)] DateTimeOffset Since,
    [property: Id(4)] bool Late);

/// <summary>
/// The state of a chain at one moment. Shipments under way are all counted in <see cref="InTransitCount"/>; the
/// oldest <see cref="Bounds.ChainReportListed"/> are listed.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ChainReport")]
public sealed record ChainReport(
    [property: Id(0)] string ChainId,
    [property: Id(1)] IReadOnlyList<StageReport> Stages,
    [property: Id(2)] IReadOnlyList<TransitReport> InTransit,
    [property: Id(3)] IReadOnlyList<ChainViolation> Violations,
    [property: Id(4)] int BatchCount,
    [property: Id(5)] int InTransitCount)
{
    public static ChainReport Of(ChainDefinition chain, ChainLedger ledger, DateTimeOffset now)
    {
        var present = ledger.Batches.Where(b => !b.Value.Consumed).ToList();
        var names = chain.Stages.Select(s => s.Name).ToList();
        if (present.Any(b => b.Value.Stage == ChainLedger.OffChain) || ledger.Times.ContainsKey(ChainLedger.OffChain))
        {
            names.Add(ChainLedger.OffChain);
        }

        var stages = names.Select(name =>
        {
            var here = present.Where(b => b.Value.Stage == name && b.Value.InTransitTo is null).Select(b => b.Key).ToList();
            var listed = here.Order(StringComparer.Ordinal).Take(Bounds.ChainReportListed).Select(BatchRef.FromKey).ToList();
            var times = ledger.Times.GetValueOrDefault(name) ?? new StageTimes(0, 0, 0);
            return new StageReport(name, listed, times.Completed, times.MeanHours, times.MaxHours, here.Count);
        }).ToList();
        var transit = present.Where(b => b.Value.InTransitTo is not null)
            .Select(b => new TransitReport(BatchRef.FromKey(b.Key), b.Value.Custodian, b.Value.InTransitTo!.Value, b.Value.ShippedAt!.Value, ledger.IsLate(chain, b.Value, now)))
            .OrderBy(t => t.Since)
            .ThenBy(t => t.Batch.Key, StringComparer.Ordinal)
            .ToList();
        return new ChainReport(chain.ChainId, stages, transit.Take(Bounds.ChainReportListed).ToList(), ledger.Violations.ToList(), ledger.Batches.Count, transit.Count);
    }
}
