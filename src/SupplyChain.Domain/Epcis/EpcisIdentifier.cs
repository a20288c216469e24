using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// Our identifiers as GS1 Digital Link URIs (what we write) and the Digital Link and EPC URN forms partners send
/// (what we read): lots (AI 10, lgtin), serial items (AI 21, sgtin), locations (AI 414, sgln) and parties (AI 417, pgln).
/// </summary>
public static class EpcisIdentifier
{
    /// <summary>The GS1 resolver; Digital Link URIs on other hosts are read the same way.</summary>
    public const string DigitalLinkHost = "https://id.gs1.org";

    /// <summary>A lot as a Digital Link class URI: https://id.gs1.org/01/{gtin}/10/{lot}.</summary>
    public static string LotUri(BatchRef batch) => $"{DigitalLinkHost}/{batch.DigitalLink}";

    /// <summary>A product (every lot of a GTIN): https://id.gs1.org/01/{gtin}.</summary>
    public static string ProductUri(Gtin gtin) => $"{DigitalLinkHost}/01/{gtin.Value}";

    /// <summary>A physical place: https://id.gs1.org/414/{gln}.</summary>
    public static string LocationUri(Gln gln) => $"{DigitalLinkHost}/414/{gln.Value}";

    /// <summary>An organisation: https://id.gs1.org/417/{gln}.</summary>
    public static string PartyUri(Gln gln) => $"{DigitalLinkHost}/417/{gln.Value}";

    /// <summary>
    /// Reads an object identifier (an epcList entry or a quantity element's epcClass). Malformed GS1 keys are
    /// refused with <paramref name="field"/>; well-formed identifiers we cannot hold as a lot come back unmapped.
    /// </summary>
    public static MappedObject ParseObject(string uri, string field)
    {
        if (uri.StartsWith("urn:epc:class:lgtin:", StringComparison.Ordinal))
        {
            var (gtin, lot) = EpcParts(uri, "urn:epc:class:lgtin:", field);
            return Keyed(uri, gtin, lot, false, "lot");
        }

        if (uri.StartsWith("urn:epc:id:sgtin:", StringComparison.Ordinal))
        {
            var (gtin, serial) = EpcParts(uri, "urn:epc:id:sgtin:", field);
            return Keyed(uri, gtin, serial, true, "serial number");
        }

        if (uri.StartsWith("urn:epc:idpat:", StringComparison.Ordinal))
        {
            return MappedObject.Unmapped(uri, "a pattern of many items, not one lot");
        }

        if (uri.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            var scheme = uri.Split(':').ElementAtOrDefault(3) ?? "";
            return MappedObject.Unmapped(uri, $"an EPC of scheme '{scheme}' names no trade item lot");
        }

        if (DigitalLinkPairs(uri) is not { } pairs)
        {
            return MappedObject.Unmapped(uri, "neither a GS1 Digital Link URI nor an EPC URN");
        }

        if (!pairs.TryGetValue("01", out var digits))
        {
            return MappedObject.Unmapped(uri, "a Digital Link without a GTIN (AI 01) names no trade item lot");
        }

        var key = Gtin.Parse(digits, field);
        if (pairs.TryGetValue("10", out var lotText))
        {
            // An item named by lot and serial is traced with its lot.
            return Keyed(uri, key, lotText, false, "lot");
        }

        if (pairs.TryGetValue("21", out var serialText))
        {
            return Keyed(uri, key, serialText, true, "serial number");
        }

        return MappedObject.Unmapped(uri, "a GTIN without a lot or serial number names a product, not one lot");
    }

    /// <summary>Reads a location (readPoint, bizLocation, "location" sources) or party identifier as a GLN.</summary>
    public static MappedLocation ParseLocation(string uri, string field)
    {
        if (uri.StartsWith("urn:epc:id:sgln:", StringComparison.Ordinal) || uri.StartsWith("urn:epc:id:pgln:", StringComparison.Ordinal))
        {
            var location = uri.StartsWith("urn:epc:id:sgln:", StringComparison.Ordinal);
            var scheme = location ? "urn:epc:id:sgln:" : "urn:epc:id:pgln:";
            var parts = uri[scheme.Length..].Split('.');
            if (parts.Length != (location ? 3 : 2) || !parts.Take(2).All(Gs1.IsDigits) || parts[0].Length + parts[1].Length != 12)
            {
                throw DomainException.Invalid(field, $"'{uri}' is not a valid {scheme.TrimEnd(':')} URN: expected a company prefix and a reference of 12 digits together");
            }

            var gln = Gln.FromBody(parts[0] + parts[1]);
            var extension = location ? parts[2] : "0";
            return new MappedLocation(uri, gln, extension == "0" ? "" : $"extension '{Uri.UnescapeDataString(extension)}' (a place within {gln}) is not kept");
        }

        if (DigitalLinkPairs(uri) is { } pairs && (pairs.TryGetValue("414", out var digits) || pairs.TryGetValue("417", out digits)))
        {
            var gln = Gln.Parse(digits, field);
            return new MappedLocation(uri, gln, pairs.TryGetValue("254", out var ext) ? $"extension '{ext}' (a place within {gln}) is not kept" : "");
        }

        return new MappedLocation(uri, null, "neither a GLN Digital Link URI (AI 414 or 417) nor an SGLN or PGLN URN");
    }

    private static MappedObject Keyed(string uri, Gtin gtin, string key, bool serial, string what)
    {
        try
        {
            var batch = new BatchRef(gtin, LotNumber.Parse(key, what));
            return serial ? MappedObject.Serial(uri, batch) : MappedObject.Lot(uri, batch);
        }
        catch (DomainException e)
        {
            return MappedObject.Unmapped(uri, $"cannot be held as a lot number: {e.Message}");
        }
    }

    // EPC URN "prefix.indicator+item.key": the GTIN is the indicator, the prefix, the item reference and a check digit.
    private static (Gtin Gtin, string Key) EpcParts(string uri, string scheme, string field)
    {
        var parts = uri[scheme.Length..].Split('.', 3);
        if (parts.Length != 3 || !Gs1.IsDigits(parts[0]) || !Gs1.IsDigits(parts[1]) || parts[0].Length + parts[1].Length != 13 || parts[2].Length == 0)
        {
            throw DomainException.Invalid(field, $"'{uri}' is not a valid {scheme.TrimEnd(':')} URN: expected company prefix.item reference.key with 13 digits before the key");
        }

        return (Gtin.FromBody(parts[1][..1] + parts[0] + parts[1][1..]), Uri.UnescapeDataString(parts[2]));
    }

    // Digital Link paths are AI/value pairs after any leading path on the host; the first known primary key starts them.
    private static Dictionary<string, string>? DigitalLinkPairs(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => s is "01" or "414" or "417");
        if (start < 0)
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i + 1 < segments.Length; i += 2)
        {
            pairs.TryAdd(segments[i], Uri.UnescapeDataString(segments[i + 1]));
        }

        return pairs;
    }
}
