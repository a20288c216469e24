namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>The tests that share one cluster and one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class GrainsCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "grains";
}
