namespace SupplyChain.Domain.Integrity;

/// <summary>The head row of a batch log as storage holds it: the version and hash it claims, and the stored state.</summary>
public sealed record StoredHead(long Version, string HeadHash, string? StateJson);
