using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>What an EPCIS location or party identifier names in our terms: a GLN, and what of the identifier did not fit (or why none did).</summary>
public sealed record MappedLocation(string Uri, Gln? Gln, string Reason);
