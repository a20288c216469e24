using SupplyChain.Domain.Batches;

namespace SupplyChain.Application.Batches;

/// <summary>A page of a batch's stored events and the version to ask for next, 0 at the end.</summary>
public sealed record BatchHistory(IReadOnlyList<StoredEvent> Events, long NextFromVersion);
