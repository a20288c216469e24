namespace SupplyChain.Grains.Storage;

/// <summary>Where the service keeps its data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Azure Storage connection string; Azurite's well-known one by default.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table name, so that several deployments can share an account.</summary>
    public string TablePrefix { get; set; } = "supplychain";

    /// <summary>
    /// The head row (state and trail) is rewritten after every this many events of a batch, and on the first. 1 keeps
    /// it on the last event, so that a cut tail of the log shows in VerifyBatch; more saves a write per event, and an
    /// activation catches the state up from the events after the head.
    /// </summary>
    public int HeadEvery { get; set; } = 1;

    /// <summary>A client that gives up within seconds when storage is down, so callers get UNAVAILABLE fast.</summary>
    public static Azure.Data.Tables.TableServiceClient Client(string connectionString) =>
        new(connectionString, new Azure.Data.Tables.TableClientOptions
        {
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(10) },
        });
}
