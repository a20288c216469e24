using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Links;

/// <summary>
/// A GS1 Digital Link URI path for a trade item: a GTIN (AI 01), and optionally its lot (AI 10) and serial (AI 21).
/// Its canonical form holds the GTIN as 14 digits; a serial alone names the lot of one piece an import keeps it as.
/// </summary>
public sealed record DigitalLink(Gtin Gtin, string? Lot, string? Serial)
{
    /// <summary>The lot the link leads to: its lot, else its serial (kept as a lot of one piece), else none.</summary>
    public BatchRef? Batch => (Lot ?? Serial) is { } lot ? new BatchRef(Gtin, lot) : null;

    /// <summary>The canonical path, without a leading slash: 01/{gtin14}[/10/{lot}], percent-encoded.</summary>
    public string Path => Batch is { } batch ? batch.DigitalLink : $"01/{Gtin.Value}";

    /// <summary>The canonical URI on a link domain such as https://id.example.vn.</summary>
    public string On(string domain) => $"{LinkDomain.Normalise(domain)}/{Path}";

    /// <summary>
    /// Reads a raw request path such as /01/8931234500108/10/VH-2611-01 (percent-encoded as sent). Malformed input
    /// is an INVALID_ARGUMENT naming the part at fault.
    /// </summary>
    public static DigitalLink Parse(string rawPath)
    {
        var segments = (rawPath ?? "").Trim('/').Split('/');
        if (segments.Length < 2 || segments.Length % 2 != 0 || segments[0] != "01")
        {
            throw DomainException.Invalid("path", "expected /01/{gtin}, optionally followed by /10/{lot} and /21/{serial}");
        }

        var gtin = Gtin.Parse(Decode(segments[1], "gtin"));
        string? lot = null;
        string? serial = null;
        for (var i = 2; i < segments.Length; i += 2)
        {
            var value = Decode(segments[i + 1], segments[i]);
            switch (segments[i])
            {
                case "10" when lot is null && serial is null:
                    lot = LotNumber.Parse(value);
                    break;
                case "21" when serial is null:
                    serial = LotNumber.Parse(value, "serial");
                    break;
                default:
                    throw DomainException.Invalid("path", $"'/{segments[i]}/' does not belong here: after /01/{{gtin}} come /10/{{lot}} then /21/{{serial}}");
            }
        }

        return new DigitalLink(gtin, lot, serial);
    }

    private static string Decode(string segment, string field)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            throw DomainException.Invalid(field, $"'{segment}' is not percent-encoded text");
        }
    }
}
