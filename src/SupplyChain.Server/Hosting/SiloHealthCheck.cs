using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Server.Hosting;

/// <summary>
/// Ready when this silo is an active member of the cluster and its journal takes events: a silo still joining, shutting
/// down or declared dead, or one whose journal lost its heartbeat, would only answer UNAVAILABLE.
/// </summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo, BatchJournal journal) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Judge(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress), journal.Refusal));

    /// <summary>The verdict for a silo's membership status and its journal's refusal (null when it takes events).</summary>
    public static HealthCheckResult Judge(SiloStatus status, string? journalRefusal) =>
        status != SiloStatus.Active ? HealthCheckResult.Unhealthy($"this silo is {status}, not an active member of the cluster")
        : journalRefusal is not null ? HealthCheckResult.Unhealthy(journalRefusal)
        : HealthCheckResult.Healthy("active in the cluster; the journal takes events");
}
