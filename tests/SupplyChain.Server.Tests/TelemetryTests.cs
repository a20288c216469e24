extern alias server;

using System.Diagnostics;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SupplyChain.Cli.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>One gRPC call yields one trace that spans the server, the grains and the storage calls.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private Azurite _azurite = null!;
    private WebApplicationFactory<server::Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _factory = new WebApplicationFactory<server::Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:ConnectionString", _azurite.ConnectionString);
            web.UseSetting("Auth:SigningKey", ServerProcess.TestKey);
            web.UseSetting("Cluster:SiloPort", $"{FreePort.Next()}");
            web.UseSetting("Cluster:GatewayPort", $"{FreePort.Next()}");
            web.UseSetting("Cluster:ClusterId", "telemetry-" + Guid.NewGuid().ToString("N")[..8]);
            web.UseSetting("Telemetry:Traces", "true");
            web.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(_spans)));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_create_batch_call_is_one_trace_through_server_grain_and_storage()
    {
        using var bare = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        var channel = bare.Intercept(new DevSigner(Convert.FromBase64String(ServerProcess.TestKey)));
        var participants = new ParticipantService.ParticipantServiceClient(channel);
        var (producer, gtin) = (Ids.Gln(), Ids.Gtin13());
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "Hong Dan fruit household", Roles = { Role.Producer } });
        await participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin, ProducerGln = producer, Name = "Cat Chu mango", Category = "fruit", Unit = "KGM" });
        lock (_spans)
        {
            _spans.Clear();
        }

        var reply = await new BatchService.BatchServiceClient(channel).CreateBatchAsync(new CreateBatchRequest
        {
            EventId = Ids.EventId(), Gtin = gtin, Lot = Ids.Lot(), Quantity = new Quantity { Value = 40, Unit = "KGM" }, ProducerGln = producer,
        });
        Assert.Equal(1, reply.Receipt.Version);

        // The server's request span is exported when it ends, which can be just after the client has its reply.
        static bool IsRequest(Activity s) => s.DisplayName.Contains("BatchService/CreateBatch", StringComparison.Ordinal) && s.Parent is null && s.ParentSpanId == default;
        List<Activity> spans;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (_spans)
            {
                spans = [.. _spans];
            }

            if (spans.Any(IsRequest) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(20);
        }

        var request = Assert.Single(spans, IsRequest);
        var trace = spans.Where(s => s.TraceId == request.TraceId).ToList();
        var sources = string.Join(", ", trace.Select(s => $"{s.Source.Name}:{s.DisplayName}").Distinct());
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.True(trace.Any(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.DisplayName.Contains("IBatchGrain", StringComparison.Ordinal)), $"no grain span in the trace: {sources}");
        Assert.True(trace.Any(s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal)), $"no storage span in the trace: {sources}");
    }
}
