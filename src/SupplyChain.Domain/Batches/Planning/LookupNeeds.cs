using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>What a command's plan will look up besides its own batch, so that a caller fetches it all before planning.</summary>
public sealed record LookupNeeds(IReadOnlyList<Gtin> Products, IReadOnlyList<Gln> Participants, IReadOnlyList<string> Chains, IReadOnlyList<BatchRef> Batches);
