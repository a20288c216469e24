using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SupplyChain.Application.Alerts;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;
using SupplyChain.V1;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>gRPC AlertService: a participant's stored alerts, mapped onto the application's alert inbox.</summary>
public sealed class AlertApi(AlertInbox inbox, Webhooks webhooks, RecallReports recalls) : AlertService.AlertServiceBase
{
    public override async Task<ListUnreadAlertsResponse> ListUnreadAlerts(ListUnreadAlertsRequest request, ServerCallContext context)
    {
        var (alerts, more) = await inbox.UnreadAsync(CallerClaims.Of(context), Gln.Parse(request.ParticipantGln, "participant_gln"), request.Max);
        var reply = new ListUnreadAlertsResponse { More = more };
        reply.Alerts.AddRange(alerts.Select(TraceReplies.Alert));
        return reply;
    }

    public override async Task<AcknowledgeAlertsResponse> AcknowledgeAlerts(AcknowledgeAlertsRequest request, ServerCallContext context)
    {
        var participant = Gln.Parse(request.ParticipantGln, "participant_gln");
        var acknowledgement = AlertAcknowledgement.Parse(request.ThroughId, request.Ids);
        return new AcknowledgeAlertsResponse { AcknowledgedThrough = await inbox.AcknowledgeAsync(CallerClaims.Of(context), participant, acknowledgement) };
    }

    public override async Task<RegisterWebhookResponse> RegisterWebhook(RegisterWebhookRequest request, ServerCallContext context)
    {
        var participant = Gln.Parse(request.ParticipantGln, "participant_gln");
        var (endpoint, made) = await webhooks.RegisterAsync(CallerClaims.Of(context), participant, request.Url, request.Secret);
        return new RegisterWebhookResponse { Url = endpoint.Url, Secret = made ?? "" };
    }

    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        var participant = Gln.Parse(request.ParticipantGln, "participant_gln");
        var (endpoint, attempts, pending) = await webhooks.DeliveriesAsync(CallerClaims.Of(context), participant, request.Max);
        var reply = new ListDeliveriesResponse { Url = endpoint?.Url ?? "", Pending = pending };
        reply.Attempts.AddRange(attempts.Select(a => new V1.DeliveryAttempt
        {
            DeliveryId = a.DeliveryId, Attempt = a.Attempt, At = Timestamp.FromDateTimeOffset(a.At), StatusCode = a.StatusCode ?? 0,
            Error = a.Error ?? "", NextAttemptAt = a.NextAttemptAt is { } next ? Timestamp.FromDateTimeOffset(next) : null, Delivered = a.Delivered,
        }));
        return reply;
    }

    public override async Task<V1.RecallReport> GetRecallReport(GetRecallReportRequest request, ServerCallContext context)
    {
        var report = await recalls.ReportAsync(CallerClaims.Of(context), Domain.Identifiers.BatchRef.Parse(request.Gtin, request.Lot), context.CancellationToken);
        var reply = new V1.RecallReport { Root = Replies.Ref(report.Root) };
        reply.Parties.AddRange(report.Parties.Select(party =>
        {
            var entry = new RecallParty { Gln = party.Key.Value, Notified = party.All(n => n.Notified), Acknowledged = party.All(n => n.Acknowledged) };
            entry.Notices.AddRange(party.Select(n => new V1.RecallNotice
            {
                Batch = Replies.Ref(n.Batch), AlertId = n.Alert?.Id ?? 0, Acknowledged = n.Acknowledged,
                Webhook = n.Delivered switch { null => WebhookDelivery.None, true => WebhookDelivery.Delivered, false => WebhookDelivery.Pending },
            }));
            return entry;
        }));
        return reply;
    }
}
