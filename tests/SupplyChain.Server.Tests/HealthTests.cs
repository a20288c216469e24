using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace SupplyChain.Server.Tests;

/// <summary>The standard gRPC health service and server reflection are on.</summary>
[Collection(ServerCollection.Name)]
public sealed class HealthTests(ServerFixture fixture)
{
    [Fact]
    public async Task Health_and_reflection_answer()
    {
        var health = await new Health.HealthClient(fixture.Server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var call = new ServerReflection.ServerReflectionClient(fixture.Server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("supplychain.v1.BatchService", services);
        Assert.Contains("supplychain.v1.ParticipantService", services);
        Assert.Contains("supplychain.v1.ChainService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Probes_and_the_dashboard_answer_on_the_http_port()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Server.HttpPort}") };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var ready = await http.GetAsync("/readyz");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        var dashboard = await http.GetAsync("/dashboard");
        Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_container_probe_command_reports_a_live_server()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [SupplyChain.Testing.RepositoryPaths.ServerDll, "--probe"]);
        start.Environment["Server__HttpPort"] = $"{fixture.Server.HttpPort}";
        using var probe = System.Diagnostics.Process.Start(start)!;
        await probe.WaitForExitAsync();
        Assert.Equal(0, probe.ExitCode);
    }
}
