using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using SupplyChain.Grains.Hosting;
using SupplyChain.Grains.Storage;
using SupplyChain.Testing;

namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>One Azurite and one in-process silo configured as the server configures its silo; shared by a collection.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private Azurite? _azurite;
    private InProcessTestCluster? _cluster;

    /// <summary>Every cluster of this fixture uses one service id, so that a second cluster reads what the first stored.</summary>
    public string ServiceId { get; } = "supplychain-test-" + Guid.NewGuid().ToString("N")[..8];

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("the fixture is not initialised");

    public IClusterClient Client => Cluster.Client;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("the fixture is not initialised");

    /// <summary>The batch indexes, read straight from the tables the silo writes.</summary>
    public BatchIndexStore Index { get; private set; } = null!;

    // Events stay in the journal until a test asks for them or deactivates the batch: no write out by time mid-test.
    private static readonly TimeSpan WriteOutAfter = TimeSpan.FromMinutes(10);

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Index = new BatchIndexStore(new Tables(StorageOptionsFor(_azurite.ConnectionString)));
        _cluster = await StartClusterAsync();
    }

    /// <summary>Starts another cluster on the same storage and service id, as a restarted server would be.</summary>
    /// <param name="responseTimeout">How long a grain call may take before it fails; Orleans' default when null.</param>
    public async Task<InProcessTestCluster> StartClusterAsync(TimeSpan? responseTimeout = null)
    {
        var connectionString = Azurite.ConnectionString;
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        builder.ConfigureSilo((_, silo) =>
        {
            // The server's own grain setup, on this Azurite.
            silo.AddSupplyChainGrains(ConfigurationFor(connectionString));
            if (responseTimeout is { } timeout)
            {
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = timeout);
            }
        });
        if (responseTimeout is { } clientTimeout)
        {
            builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = clientTimeout * 3));
        }

        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    public async Task DisposeAsync()
    {
        // Silos first: a silo whose storage vanished takes minutes to stop.
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static IOptions<StorageOptions> StorageOptionsFor(string connectionString) =>
        Options.Create(new StorageOptions { ConnectionString = connectionString, WriteOutAfter = WriteOutAfter });

    private static IConfiguration ConfigurationFor(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}"] = connectionString,
            [$"{StorageOptions.Section}:{nameof(StorageOptions.WriteOutAfter)}"] = WriteOutAfter.ToString("c"),
        }).Build();
}
