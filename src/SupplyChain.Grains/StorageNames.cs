namespace SupplyChain.Grains;

/// <summary>Names of the Orleans storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Grain state (participants, products, chains) in Azure Tables.</summary>
    public const string Grains = "supplychain";
}
