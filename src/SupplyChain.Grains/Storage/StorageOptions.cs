namespace SupplyChain.Grains.Storage;

/// <summary>Where the service keeps its data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Azure Storage connection string; Azurite's well-known one by default.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table name, so that several deployments can share an account.</summary>
    public string TablePrefix { get; set; } = "supplychain";

    /// <summary>A client that gives up within seconds when storage is down, so callers get UNAVAILABLE fast.</summary>
    public static Azure.Data.Tables.TableServiceClient Client(string connectionString) =>
        new(connectionString, new Azure.Data.Tables.TableClientOptions
        {
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(10) },
        });
}
