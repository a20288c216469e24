using SupplyChain.Domain.Chains;

namespace SupplyChain.Abstractions.Chains;

/// <summary>A defined chain as stored.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ChainRecord")]
public sealed record ChainRecord([property: Id(0)] ChainDefinition Chain, [property: Id(1)] DateTimeOffset DefinedAt, [property: Id(2)] int BatchCount);

/// <summary>A distribution chain, keyed by its id: its stages and the batches travelling along it.</summary>
[Alias("SupplyChain.IChainGrain")]
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Defines the chain; the same definition again is a no-op, another ALREADY_EXISTS.</summary>
    [Alias("Define")]
    Task<ChainRecord> DefineAsync(ChainDefinition chain);

    /// <summary>Reads the chain, or null when it is not defined.</summary>
    [Alias("Get")]
    Task<ChainRecord?> GetAsync();

    /// <summary>Takes note of a batch event; a repeated or older one changes nothing.</summary>
    [Alias("Record")]
    Task RecordAsync(ChainMovement movement);

    /// <summary>Batches per stage, in transit, violations and time per stage.</summary>
    [Alias("Report")]
    Task<ChainReport> GetReportAsync();
}
