namespace SupplyChain.Abstractions.Epcis;

/// <summary>The latest capture jobs of one sender (token subject), newest last, bounded.</summary>
[Alias("SupplyChain.ICaptureJobListGrain")]
public interface ICaptureJobListGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string jobId);

    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}
