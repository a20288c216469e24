using Grpc.Core;
using SupplyChain.Application.Alerts;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;
using SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>gRPC AlertService: a participant's stored alerts, mapped onto the application's alert inbox.</summary>
public sealed class AlertApi(AlertInbox inbox) : AlertService.AlertServiceBase
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
}
