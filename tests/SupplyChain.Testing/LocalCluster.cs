namespace SupplyChain.Testing;

/// <summary>One cluster's silos as separate server processes over one Azurite of their own, as the cluster tests run them.</summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private LocalCluster(Azurite azurite, IReadOnlyList<ServerProcess> servers) => (Azurite, Servers) = (azurite, servers);

    public Azurite Azurite { get; }

    public IReadOnlyList<ServerProcess> Servers { get; }

    /// <summary>Starts Azurite and <paramref name="silos"/> servers clustered through Azure Tables under a fresh id named after <paramref name="name"/>.</summary>
    public static async Task<LocalCluster> StartAsync(int silos, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var azurite = await Azurite.StartAsync();
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Cluster__Clustering"] = "AzureTable",
            ["Cluster__ClusterId"] = name + "-" + Guid.NewGuid().ToString("N")[..8],
        };
        var servers = new List<ServerProcess>();
        for (var i = 0; i < silos; i++)
        {
            servers.Add(await ServerProcess.StartAsync(azurite.ConnectionString, all));
        }

        return new LocalCluster(azurite, servers);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in Servers)
        {
            await server.DisposeAsync();
        }

        await Azurite.DisposeAsync();
    }
}
