using System.Threading.Channels;
using Grpc.Core;
using SupplyChain.Application.Alerts;
using SupplyChain.Domain;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Alerts;
using SupplyChain.Grains.Alerts;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>
/// WatchAlerts streams: each listens on its audience's alert hub grain through an observer for as long as the call is
/// open, renewing the subscription before the hub forgets it, and unsubscribes when the client leaves.
/// </summary>
public sealed class AlertStreams(IGrainFactory grains, AlertAudiences audiences)
{
    /// <summary>Alerts held for a slow client before the oldest are dropped.</summary>
    public const int Backlog = 1000;

    public async Task WatchAsync(V1.WatchAlertsRequest request, IServerStreamWriter<V1.Alert> stream, ServerCallContext context)
    {
        var hub = grains.GetGrain<IAlertHubGrain>(await AudienceAsync(request, context));
        var alerts = Channel.CreateBounded<Alert>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        // Orleans holds observers weakly: the stream keeps its receiver alive, or a garbage collection silences it.
        var receiver = new Listener(alerts.Writer);
        var listener = grains.CreateObjectReference<IAlertObserver>(receiver);
        var ct = context.CancellationToken;
        try
        {
            await hub.SubscribeAsync(listener);
            // The headers tell the client the stream listens: alerts raised from now on reach it.
            await context.WriteResponseHeadersAsync(new Metadata());
            var renewEvery = AlertHubGrain.ListenerLifetime / 3;
            var renewAt = DateTimeOffset.UtcNow + renewEvery;
            while (!ct.IsCancellationRequested)
            {
                var wait = renewAt - DateTimeOffset.UtcNow;
                if (wait <= TimeSpan.Zero)
                {
                    await hub.SubscribeAsync(listener);
                    renewAt = DateTimeOffset.UtcNow + renewEvery;
                    continue;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(wait);
                try
                {
                    await alerts.Reader.WaitToReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    continue;
                }

                while (alerts.Reader.TryRead(out var alert))
                {
                    await stream.WriteAsync(TraceReplies.Alert(alert), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left: the stream ends.
        }
        finally
        {
            try
            {
                await hub.UnsubscribeAsync(listener);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // The hub forgets a listener that stops renewing anyway.
            }

            grains.DeleteObjectReference<IAlertObserver>(listener);
            GC.KeepAlive(receiver);
        }
    }

    /// <summary>The hub key of a registered participant or a defined chain, for a caller who may watch it.</summary>
    private async Task<string> AudienceAsync(V1.WatchAlertsRequest request, ServerCallContext context) => request.AudienceCase switch
    {
        V1.WatchAlertsRequest.AudienceOneofCase.ParticipantGln =>
            await audiences.ParticipantAsync(CallerClaims.Of(context), Gln.Parse(request.ParticipantGln, "participant_gln")),
        V1.WatchAlertsRequest.AudienceOneofCase.ChainId =>
            await audiences.ChainAsync(CallerClaims.Of(context), ChainDefinition.ParseId(request.ChainId)),
        _ => throw DomainException.Invalid("audience", "name a participant_gln or a chain_id"),
    };

    /// <summary>Receives the hub's alerts in the silo and queues them for the stream.</summary>
    private sealed class Listener(ChannelWriter<Alert> alerts) : IAlertObserver
    {
        public Task OnAlertAsync(Alert alert)
        {
            alerts.TryWrite(alert);
            return Task.CompletedTask;
        }
    }
}
