using System.Threading.Channels;
using Grpc.Core;
using SupplyChain.Abstractions.Alerts;
using SupplyChain.Application.Alerts;
using SupplyChain.Domain;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Alerts;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>
/// WatchAlerts streams: each listens on its audience's alert hub grain through an observer for as long as the call is
/// open, renewing the subscription before the hub forgets it. It subscribes first, then replays the stored alerts after
/// its resume point, then sends the live ones: a cursor drops what was sent and reads any gap from the log.
/// </summary>
public sealed class AlertStreams(IGrainFactory grains, AlertAudiences audiences)
{
    /// <summary>Alerts held for a slow client before the oldest are dropped (read from the log again when their turn comes).</summary>
    public const int Backlog = 1000;

    public async Task WatchAsync(V1.WatchAlertsRequest request, IServerStreamWriter<V1.Alert> stream, ServerCallContext context)
    {
        var audience = await AudienceAsync(request, context);
        if (request.HasResumeAfter && request.ResumeAfter < 0)
        {
            throw DomainException.Invalid("resume_after", $"{request.ResumeAfter} is negative; alert ids start at 1 (0: from the first)");
        }

        var hub = grains.GetGrain<IAlertHubGrain>(audience);
        var live = Channel.CreateBounded<AlertEntry>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        // Orleans holds observers weakly: the stream keeps its receiver alive, or a garbage collection silences it.
        var receiver = new Listener(live.Writer);
        var listener = grains.CreateObjectReference<IAlertObserver>(receiver);
        var ct = context.CancellationToken;
        try
        {
            var stored = await hub.SubscribeAsync(listener);
            if (request.ResumeAfter > stored)
            {
                throw DomainException.NotFound($"resume_after: alert {request.ResumeAfter} is not in {audience}'s alerts (the last is {stored})");
            }

            // The headers tell the client the stream listens: alerts stored from now on reach it.
            await context.WriteResponseHeadersAsync(new Metadata());
            var cursor = new AlertCursor(request.HasResumeAfter ? request.ResumeAfter : stored);
            await CatchUpAsync(hub, cursor, stored, stream, ct);
            var renewEvery = AlertHubGrain.ListenerLifetime / 3;
            var renewAt = DateTimeOffset.UtcNow + renewEvery;
            while (!ct.IsCancellationRequested)
            {
                var wait = renewAt - DateTimeOffset.UtcNow;
                if (wait <= TimeSpan.Zero)
                {
                    // Renewing also finds alerts whose live message was lost (a hub moved to another silo).
                    await CatchUpAsync(hub, cursor, await hub.SubscribeAsync(listener), stream, ct);
                    renewAt = DateTimeOffset.UtcNow + renewEvery;
                    continue;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(wait);
                try
                {
                    await live.Reader.WaitToReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    continue;
                }

                while (live.Reader.TryRead(out var entry))
                {
                    if (cursor.Due(entry.Id))
                    {
                        await CatchUpAsync(hub, cursor, entry.Id - 1, stream, ct);
                        await SendAsync(entry, cursor, stream, ct);
                    }
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

    /// <summary>Sends the stored alerts after the cursor up to <paramref name="through"/>, page by page.</summary>
    private static async Task CatchUpAsync(IAlertHubGrain hub, AlertCursor cursor, long through, IServerStreamWriter<V1.Alert> stream, CancellationToken ct)
    {
        while (cursor.Last < through)
        {
            var page = await hub.ReadAsync(cursor.Last, (int)Math.Min(Bounds.AlertsPage, through - cursor.Last));
            if (page.Count == 0)
            {
                return;
            }

            foreach (var entry in page.Where(e => e.Id <= through))
            {
                await SendAsync(entry, cursor, stream, ct);
            }
        }
    }

    private static async Task SendAsync(AlertEntry entry, AlertCursor cursor, IServerStreamWriter<V1.Alert> stream, CancellationToken ct)
    {
        await stream.WriteAsync(TraceReplies.Alert(entry), ct);
        cursor.Sent(entry.Id);
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
    private sealed class Listener(ChannelWriter<AlertEntry> alerts) : IAlertObserver
    {
        public Task OnAlertAsync(AlertEntry entry)
        {
            alerts.TryWrite(entry);
            return Task.CompletedTask;
        }
    }
}
