using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>One Azurite and one server process shared by the tests of a collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>Configuration the server process gets beyond the tests' defaults (webhook retries start after 200 ms, not 5 s).</summary>
    // The shared server indexes events recorded through gRPC too (off by default), so EPCIS queries by time and term see them.
    public IReadOnlyDictionary<string, string>? Settings { get; init; } = new Dictionary<string, string> { ["Deliveries__FirstRetry"] = "00:00:00.200", ["Storage__IndexRecordedEvents"] = "true" };

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("not started");

    public ServerProcess Server { get; private set; } = null!;

    public ParticipantService.ParticipantServiceClient Participants => new(Server.Channel);

    public BatchService.BatchServiceClient Batches => new(Server.Channel);

    public ChainService.ChainServiceClient Chains => new(Server.Channel);

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Server = await ServerProcess.StartAsync(_azurite.ConnectionString, Settings);
    }

    public async Task DisposeAsync()
    {
        // Silos stop before their storage, or shutdown waits on it.
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
