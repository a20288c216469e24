using SupplyChain.Domain.Batches;

namespace SupplyChain.Application.Batches;

/// <summary>A page of a participant's batches and the token for the next, null at the end.</summary>
public sealed record BatchPage(IReadOnlyList<BatchState> Batches, string? Next);
