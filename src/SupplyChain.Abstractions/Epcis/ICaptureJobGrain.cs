namespace SupplyChain.Abstractions.Epcis;

/// <summary>One capture job, kept in grain storage so that GET /capture/{id} answers after a restart.</summary>
[Alias("SupplyChain.ICaptureJobGrain")]
public interface ICaptureJobGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(CaptureJob job);

    /// <summary>The job, or null when none was saved under this id.</summary>
    [Alias("Get")]
    Task<CaptureJob?> GetAsync();
}
