extern alias server;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using SiloHealthCheck = server::SupplyChain.Server.Hosting.SiloHealthCheck;

namespace SupplyChain.Server.Tests;

/// <summary>Readiness: only an active silo whose journal takes events is sent calls.</summary>
public sealed class SiloHealthCheckTests
{
    [Theory]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    [InlineData(SiloStatus.Dead)]
    [InlineData(SiloStatus.None)]
    public void A_silo_that_is_not_active_is_not_ready_and_says_its_status(SiloStatus status)
    {
        var verdict = SiloHealthCheck.Judge(status, null);

        Assert.Equal(HealthStatus.Unhealthy, verdict.Status);
        Assert.Contains(status.ToString(), verdict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_silo_is_ready_only_while_its_journal_takes_events()
    {
        const string Refusal = "this silo's journal could not renew its heartbeat";

        var refusing = SiloHealthCheck.Judge(SiloStatus.Active, Refusal);
        var taking = SiloHealthCheck.Judge(SiloStatus.Active, null);

        Assert.Equal((HealthStatus.Unhealthy, Refusal), (refusing.Status, refusing.Description));
        Assert.Equal(HealthStatus.Healthy, taking.Status);
    }
}
