using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Abstractions.Batches;

/// <summary>One page of a participant's batch list and the token for the next, null at the end.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchIndexPage")]
public sealed record BatchIndexPage([property: Id(0)] IReadOnlyList<BatchRef> Batches, [property: Id(1)] string? Next);

/// <summary>Reads the per-participant batch lists; a stateless worker (key 0), so no single activation carries every listing.</summary>
[Alias("SupplyChain.IBatchIndexGrain")]
public interface IBatchIndexGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the batches a participant produced or holds.</summary>
    [Alias("List")]
    Task<BatchIndexPage> ListAsync(Gln participant, BatchListing listing, int pageSize, string? token);
}
