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
}
