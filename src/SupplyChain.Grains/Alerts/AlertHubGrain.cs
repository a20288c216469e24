using Azure;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using SupplyChain.Abstractions.Alerts;
using SupplyChain.Abstractions.Deliveries;
using SupplyChain.Domain;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Alerts;

/// <summary>One audience's alert log (stored, numbered in order) and its listeners (in memory; each stream renews its subscription).</summary>
public sealed class AlertHubGrain(AlertLogStore log, ILogger<AlertHubGrain> logger) : Grain, IAlertHubGrain
{
    /// <summary>How long a listener stays without renewing; streams renew at a third of it.</summary>
    public static readonly TimeSpan ListenerLifetime = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IAlertObserver> _listeners = new(ListenerLifetime, logger);
    private string _audience = "";
    private AlertLogHead _head = new(0, 0, null);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _audience = this.GetPrimaryKeyString();
        _head = await log.ReadHeadAsync(_audience, cancellationToken);
    }

    public Task<long> SubscribeAsync(IAlertObserver listener)
    {
        _listeners.Subscribe(listener, listener);
        return Task.FromResult(_head.LastId);
    }

    public Task UnsubscribeAsync(IAlertObserver listener)
    {
        _listeners.Unsubscribe(listener);
        return Task.CompletedTask;
    }

    public async Task<AlertEntry> AppendAsync(Alert alert)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await log.AppendAsync(_audience, _head, alert) is not { } head)
                {
                    // Raised again (a retried write, a recovered batch): stored once, and its listeners had it then.
                    var stored = await log.FindAsync(_audience, alert.AlertId, _head.AcknowledgedThrough)
                        ?? throw new InvalidOperationException($"alert {alert.AlertId} of {_audience} has an identity row but no entry");
                    await DeliverAsync(stored);
                    return stored;
                }

                _head = head;
                var entry = new AlertEntry(head.LastId, alert, false);
                await _listeners.Notify(listener => listener.OnAlertAsync(entry));
                await DeliverAsync(entry);
                return entry;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 3)
            {
                // The head moved under this activation (another one wrote before it was let go): read it again.
                _head = await log.ReadHeadAsync(_audience);
            }
        }
    }

    /// <summary>Queues the alert for the participant's webhook, if it has one; queuing it again (a retry) queues nothing.</summary>
    private Task DeliverAsync(AlertEntry entry) =>
        AlertAudience.IsParticipant(_audience) ? GrainFactory.GetGrain<IDeliveryGrain>(_audience).EnqueueAsync(AlertPayload.Of(_audience, entry)) : Task.CompletedTask;

    public async Task<IReadOnlyList<AlertEntry>> ReadAsync(long after, int max) =>
        await log.ReadAsync(_audience, Math.Max(0, after), Math.Clamp(max, 1, Bounds.AlertsPage), false, _head.AcknowledgedThrough);

    public async Task<IReadOnlyList<AlertEntry>> UnreadAsync(int max) =>
        await log.ReadAsync(_audience, 0, Math.Clamp(max, 1, Bounds.AlertsPage + 1), true, _head.AcknowledgedThrough);

    public async Task<long> AcknowledgeAsync(AlertAcknowledgement acknowledgement)
    {
        acknowledgement.Check(_head.LastId, _audience);
        _head = await log.AcknowledgeAsync(_audience, _head, acknowledgement);
        return _head.AcknowledgedThrough;
    }

    public Task<AlertEntry?> FindAsync(string alertId) => log.FindAsync(_audience, alertId, _head.AcknowledgedThrough);

    public Task<AlertEntry?> FindAboutAsync(BatchRef batch, AlertKind kind) => log.FindAboutAsync(_audience, batch, kind, _head.AcknowledgedThrough);
}
