using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// One MATCH_ value in canonical Digital Link form: an exact identifier, or a class-level wildcard
/// (urn:epc:idpat:sgtin:cp.ref.*, or a Digital Link ending in /*) that also matches everything below it.
/// </summary>
public sealed record EpcPattern(string? Exact, string? Below)
{
    /// <summary>Reads a MATCH_ value: an EPC URN, an EPC class or pattern URN, or a Digital Link URI, with or without /*.</summary>
    public static EpcPattern Parse(string value, string parameter)
    {
        if (value.StartsWith("urn:epc:idpat:", StringComparison.Ordinal))
        {
            var key = CanonicalIdentifier.FromEpcUrn(value)
                ?? throw DomainException.Invalid(parameter, $"'{value}' is not a pattern this repository matches: only the last field may be '*' (urn:epc:idpat:sgtin:cp.ref.*)");
            return new EpcPattern(key, key + "/");
        }

        if (value.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            var key = CanonicalIdentifier.FromEpcUrn(value)
                ?? throw DomainException.Invalid(parameter, $"'{value}' is not an EPC URN of a GS1 key");
            return new EpcPattern(key, null);
        }

        if (value.EndsWith("/*", StringComparison.Ordinal))
        {
            var stem = value[..^2];
            var qualifier = stem[(stem.LastIndexOf('/') + 1)..];
            var key = qualifier is "10" or "21" ? CanonicalIdentifier.FromDigitalLink(stem[..^(qualifier.Length + 1)]) : CanonicalIdentifier.FromDigitalLink(stem);
            return key is null
                ? throw DomainException.Invalid(parameter, $"'{value}' is not a GS1 Digital Link URI followed by /*")
                : new EpcPattern(qualifier is "10" or "21" ? null : key, qualifier is "10" or "21" ? $"{key}/{qualifier}/" : key + "/");
        }

        return CanonicalIdentifier.FromDigitalLink(value) is { } link
            ? new EpcPattern(link, null)
            : throw DomainException.Invalid(parameter, $"'{value}' is neither an EPC URN nor a GS1 Digital Link URI");
    }

    /// <summary>Whether an identifier already in canonical form matches.</summary>
    public bool Matches(string canonical) =>
        canonical == Exact || (Below is not null && canonical.StartsWith(Below, StringComparison.Ordinal));
}
