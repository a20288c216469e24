using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Alerts;

/// <summary>Who a recall reached: a notice per custodian (or pending receiver) of each recalled batch that is not consumed.</summary>
public sealed record RecallReport(BatchRef Root, IReadOnlyList<RecallNotice> Notices)
{
    /// <summary>The notices grouped by party, parties in GLN order.</summary>
    public IReadOnlyList<IGrouping<Gln, RecallNotice>> Parties =>
        Notices.GroupBy(n => n.Party).OrderBy(g => g.Key.Value, StringComparer.Ordinal).ToList();
}
