using SupplyChain.Domain.Alerts;

namespace SupplyChain.Abstractions.Alerts;

/// <summary>Someone listening for alerts: a gRPC WatchAlerts stream, for as long as it is open.</summary>
[Alias("SupplyChain.IAlertObserver")]
public interface IAlertObserver : IGrainObserver
{
    /// <summary>One alert, as it is raised.</summary>
    [Alias("OnAlert")]
    Task OnAlertAsync(Alert alert);
}
