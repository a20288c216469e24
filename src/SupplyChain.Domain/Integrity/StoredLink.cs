namespace SupplyChain.Domain.Integrity;

/// <summary>One event row of a batch log exactly as storage holds it: the hashed text and the hashes beside it.</summary>
/// <param name="Version">The version the row's key names; 0 when the key names none.</param>
/// <param name="CanonicalJson">The stored canonical text; null when the row has none.</param>
public sealed record StoredLink(long Version, string? CanonicalJson, string Hash, string PreviousHash);
