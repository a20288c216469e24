namespace SupplyChain.Application.Links;

/// <summary>The domain that exported documents write their GS1 Digital Links on; null for GS1's own resolver.</summary>
public sealed record CanonicalLinks(string? Domain);
