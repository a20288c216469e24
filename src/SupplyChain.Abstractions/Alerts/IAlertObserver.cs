using Orleans.Concurrency;
using SupplyChain.Domain.Alerts;

namespace SupplyChain.Abstractions.Alerts;

/// <summary>Someone listening for alerts: a gRPC WatchAlerts stream, for as long as it is open.</summary>
[Alias("SupplyChain.IAlertObserver")]
public interface IAlertObserver : IGrainObserver
{
    /// <summary>One alert, as it is stored; the hub does not wait (a listener that misses one reads it from the log).</summary>
    [Alias("OnAlert"), OneWay]
    Task OnAlertAsync(AlertEntry entry);
}
