using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>A recall reaches every custodian as a stored alert, listening or not; its report says who was notified, delivered to and acknowledged.</summary>
[Collection(ServerCollection.Name)]
public sealed class RecallReportTests(ServerFixture fixture)
{
    private const string Secret = "whsec-0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private AlertService.AlertServiceClient Alerts => new(fixture.Server.Channel);

    [Fact]
    public async Task A_recall_report_says_which_custodian_was_notified_delivered_to_and_acknowledged()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200);
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (root, kept, shipped) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(root, 500);
        await lineage.SplitAsync(root, (kept, 100), (shipped, 100));
        await world.ShipAsync(shipped, world.Producer, world.Distributor);
        await world.ReceiveAsync(shipped, world.Distributor);
        await Alerts.RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = world.Distributor, Url = receiver.Url, Secret = Secret });

        // Nobody listens while the recall happens.
        await lineage.RecallAsync(root);
        await receiver.WaitForAsync(all => all.Any(r => r.Answered == 200), Bound, "the distributor's recall alert");
        var distributorAlerts = new AlertService.AlertServiceClient(fixture.Server.As(world.Distributor, "distributor"));
        var unread = await distributorAlerts.ListUnreadAlertsAsync(new ListUnreadAlertsRequest());
        var alert = Assert.Single(unread.Alerts);
        await distributorAlerts.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ThroughId = alert.Id });

        var report = await Alerts.GetRecallReportAsync(new GetRecallReportRequest { Gtin = world.Gtin, Lot = root });
        var parties = report.Parties.ToDictionary(p => p.Gln);
        Assert.Equal(new[] { world.Producer, world.Distributor }.Order(StringComparer.Ordinal), report.Parties.Select(p => p.Gln));
        Assert.Equal((true, false), (parties[world.Producer].Notified, parties[world.Producer].Acknowledged));
        Assert.Equal(new[] { root, kept }.Order(StringComparer.Ordinal), parties[world.Producer].Notices.Select(n => n.Batch.Lot).Order(StringComparer.Ordinal));
        Assert.All(parties[world.Producer].Notices, n => Assert.Equal(WebhookDelivery.None, n.Webhook));
        var notice = Assert.Single(parties[world.Distributor].Notices);
        Assert.Equal((shipped, alert.Id, true, WebhookDelivery.Delivered), (notice.Batch.Lot, notice.AlertId, notice.Acknowledged, notice.Webhook));
        Assert.True(parties[world.Distributor].Notified && parties[world.Distributor].Acknowledged);

        // Only auditors read it.
        var denied = await Assert.ThrowsAsync<RpcException>(() => distributorAlerts.GetRecallReportAsync(new GetRecallReportRequest { Gtin = world.Gtin, Lot = root }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
