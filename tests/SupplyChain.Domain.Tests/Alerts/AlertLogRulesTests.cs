using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Alerts;

/// <summary>Where a listener stands in its log, and which acknowledgements are well formed.</summary>
public sealed class AlertLogRulesTests
{
    [Fact]
    public void A_cursor_sends_each_id_once_and_in_order()
    {
        var cursor = new AlertCursor(2);
        Assert.False(cursor.Due(2));
        Assert.True(cursor.Due(3));
        cursor.Sent(3);
        Assert.False(cursor.Due(3));
        Assert.Equal(3L, cursor.Last);
        Assert.Throws<InvalidOperationException>(() => cursor.Sent(5));
        Assert.Throws<InvalidOperationException>(() => cursor.Sent(3));
    }

    [Fact]
    public void An_acknowledgement_names_alerts_by_positive_ids_within_the_bound()
    {
        var parsed = AlertAcknowledgement.Parse(0, [7, 3, 7]);
        Assert.Equal([3L, 7L], parsed.Ids);
        Refusals.Expect(Refusal.InvalidArgument, () => AlertAcknowledgement.Parse(0, []), "through_id");
        Refusals.Expect(Refusal.InvalidArgument, () => AlertAcknowledgement.Parse(-1, []), "through_id");
        Refusals.Expect(Refusal.InvalidArgument, () => AlertAcknowledgement.Parse(0, [1, 0]), "ids[1]");
        Refusals.Expect(Refusal.InvalidArgument, () => AlertAcknowledgement.Parse(0, Enumerable.Range(1, Bounds.AlertsPerAcknowledgement + 1).Select(i => (long)i).ToList()), "ids");
    }

    [Fact]
    public void An_acknowledgement_beyond_the_last_alert_is_not_found_naming_the_field()
    {
        AlertAcknowledgement.Parse(4, [2, 4]).Check(4, "participant/8930000000001");
        Refusals.Expect(Refusal.NotFound, () => AlertAcknowledgement.Parse(5, []).Check(4, "participant/8930000000001"), "through_id: alert 5", "the last is 4");
        Refusals.Expect(Refusal.NotFound, () => AlertAcknowledgement.Parse(0, [1, 9]).Check(4, "participant/8930000000001"), "ids: alert 9");
    }
}
