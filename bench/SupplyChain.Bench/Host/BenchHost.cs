using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SupplyChain.Cli.Auth;
using SupplyChain.Bench.Load;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Bench.Host;

/// <summary>One Azurite and one Release server process on free local ports, and gRPC clients to the server.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly GrpcChannel _channel;

    private BenchHost(Azurite azurite, ServerProcess server, int? azuritePid)
    {
        Azurite = azurite;
        Server = server;
        AzuritePid = azuritePid;
        // 32 concurrent callers may use more than one HTTP/2 connection, as separate clients would.
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{server.GrpcPort}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
        });
        // Each call carries a token for the party it names, as real clients would (tokens are minted once and reused).
        var calls = _channel.Intercept(new DevSigner(server.Key));
        Batches = new BatchService.BatchServiceClient(calls);
        Participants = new ParticipantService.ParticipantServiceClient(calls);
        Cpu = new CpuMeter(() => server.ProcessId, azuritePid);
        Traces = new TraceService.TraceServiceClient(calls);
        Chains = new ChainService.ChainServiceClient(calls);
    }

    public Azurite Azurite { get; }

    public ServerProcess Server { get; }

    /// <summary>Azurite's node process, found by its table port; null if it could not be found.</summary>
    public int? AzuritePid { get; }

    public BatchService.BatchServiceClient Batches { get; }

    public ParticipantService.ParticipantServiceClient Participants { get; }

    public TraceService.TraceServiceClient Traces { get; }

    public ChainService.ChainServiceClient Chains { get; }

    public CpuMeter Cpu { get; }

    /// <summary>Every call gets this deadline, so that no client waits forever on a stuck server.</summary>
    public static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    public static async Task<BenchHost> StartAsync()
    {
        var azurite = await Azurite.StartAsync();
        try
        {
            var server = await ServerProcess.StartAsync(azurite.ConnectionString, new Dictionary<string, string>
            {
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
                // The benchmark measures capacity: one signer speaks for many clients (all reads are one auditor's), so the
                // per-participant rate limit, which would cap them at 2,000 calls/s, is lifted here.
                ["Auth__RequestsPerSecond"] = "10000000",
                ["Auth__Burst"] = "10000000",
                // Likewise the lot pages' limit per client address: every client of the benchmark is 127.0.0.1.
                ["Links__RequestsPerMinute"] = "100000000",
            });
            var azuritePid = ProcFs.FindByCommandLine(RepositoryPaths.Azurite, "--tablePort", $"{azurite.TablePort}");
            return new BenchHost(azurite, server, azuritePid);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        // The silo stops before its storage, or its shutdown waits on it.
        await Server.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
