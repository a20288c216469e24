using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Alerts;

/// <summary>
/// Whether one party heard of one recalled batch: its recall alert as stored in the party's log (null: not stored),
/// and whether its webhook delivered it (null: the party has no webhook).
/// </summary>
public sealed record RecallNotice(Gln Party, BatchRef Batch, AlertEntry? Alert, bool? Delivered)
{
    public bool Notified => Alert is not null;

    public bool Acknowledged => Alert is { Acknowledged: true };
}
