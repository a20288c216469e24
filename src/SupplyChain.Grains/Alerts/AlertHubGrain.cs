using SupplyChain.Abstractions.Alerts;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using SupplyChain.Domain.Alerts;

namespace SupplyChain.Grains.Alerts;

/// <summary>One audience's listeners, in memory: each stream renews its subscription while it is open.</summary>
public sealed class AlertHubGrain(ILogger<AlertHubGrain> logger) : Grain, IAlertHubGrain
{
    /// <summary>How long a listener stays without renewing; streams renew at a third of it.</summary>
    public static readonly TimeSpan ListenerLifetime = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IAlertObserver> _listeners = new(ListenerLifetime, logger);

    public Task SubscribeAsync(IAlertObserver listener)
    {
        _listeners.Subscribe(listener, listener);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IAlertObserver listener)
    {
        _listeners.Unsubscribe(listener);
        return Task.CompletedTask;
    }

    public Task PublishAsync(Alert alert) => _listeners.Notify(listener => listener.OnAlertAsync(alert));
}
