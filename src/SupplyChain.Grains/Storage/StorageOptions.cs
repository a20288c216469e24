namespace SupplyChain.Grains.Storage;

/// <summary>Where the service keeps its data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Azure Storage connection string; Azurite's well-known one by default.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table name, so that several deployments can share an account.</summary>
    public string TablePrefix { get; set; } = "supplychain";
}
