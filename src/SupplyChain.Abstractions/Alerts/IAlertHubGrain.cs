using Orleans.Concurrency;
using SupplyChain.Domain.Alerts;

namespace SupplyChain.Abstractions.Alerts;

/// <summary>
/// Where one audience's alerts meet its listeners, keyed by <see cref="AlertAudience"/> ("participant/{gln}" or
/// "chain/{id}"). Live only: an alert raised while nobody listens is not kept (the batch's history keeps the facts).
/// </summary>
[Alias("SupplyChain.IAlertHubGrain")]
public interface IAlertHubGrain : IGrainWithStringKey
{
    /// <summary>Adds a listener, or renews it; a listener not renewed within <see cref="AlertHubGrain.ListenerLifetime"/> is dropped.</summary>
    [Alias("Subscribe")]
    Task SubscribeAsync(IAlertObserver listener);

    /// <summary>Removes a listener.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IAlertObserver listener);

    /// <summary>Hands an alert to every listener; the sender does not wait.</summary>
    [Alias("Publish"), OneWay]
    Task PublishAsync(Alert alert);
}
