namespace SupplyChain.Abstractions.Epcis;

/// <summary>The repository's key for signing page tokens, made once and kept in grain storage, so tokens outlive a restart.</summary>
[Alias("SupplyChain.IPageKeyGrain")]
public interface IPageKeyGrain : IGrainWithIntegerKey
{
    [Alias("Get")]
    Task<byte[]> GetAsync();
}
