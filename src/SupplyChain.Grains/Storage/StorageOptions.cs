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
    /// How long a batch may keep events only in the journal before writing them out to its log (and its head row).
    /// Longer: fewer writes per event; a batch also writes out when it has <see cref="WriteOutEvents"/> waiting, when it
    /// is deactivated, and before any read of its stored events.
    /// </summary>
    public TimeSpan WriteOutAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events a batch keeps only in the journal before it writes them out at once (at most one event partition).</summary>
    public int WriteOutEvents { get; set; } = 100;

    /// <summary>
    /// A journal writer renews its heartbeat every sixth of this and stops accepting events if it could not renew it
    /// for half of it; a writer silent for this long is taken for dead, and its journal is swept into the batch logs.
    /// </summary>
    public TimeSpan JournalLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A client that gives up within seconds when storage is down, so callers get UNAVAILABLE fast.</summary>
    public static Azure.Data.Tables.TableServiceClient Client(string connectionString) =>
        new(connectionString, new Azure.Data.Tables.TableClientOptions
        {
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1), NetworkTimeout = TimeSpan.FromSeconds(10) },
        });

    /// <summary>
    /// Whether events recorded through gRPC get EPCIS index rows (time, bizStep, location, disposition, event type).
    /// Off by default: on Azurite it costs gRPC capture most of its rate (docs/benchmarks.md); lot and id queries
    /// find those events through the batch logs either way.
    /// </summary>
    public bool IndexRecordedEvents { get; set; }
}
