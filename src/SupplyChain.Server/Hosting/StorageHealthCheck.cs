using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Server.Hosting;

/// <summary>Ready when Azure Storage answers a point read within two seconds.</summary>
public sealed class StorageHealthCheck(Tables tables) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            var table = await tables.BatchLogAsync().WaitAsync(timeout.Token);
            await table.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "h", cancellationToken: timeout.Token);
            return HealthCheckResult.Healthy("storage answers");
        }
        catch (Exception ex) when (ex is OperationCanceledException or Azure.RequestFailedException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("storage does not answer", ex);
        }
    }
}
