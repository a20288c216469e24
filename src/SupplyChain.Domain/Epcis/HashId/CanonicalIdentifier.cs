using System.Text;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis.HashId;

/// <summary>
/// The constrained canonical GS1 Digital Link form the CBV 2.0 event hash ID asks for: EPC URNs (id, class, idpat)
/// converted, Digital Link URIs moved to id.gs1.org without query string and cut to the finest key and qualifier.
/// Anything else comes back unchanged.
/// </summary>
public static class CanonicalIdentifier
{
    private const string Host = "https://id.gs1.org";

    // The keys and qualifiers the hash keeps, finest first within each key (CBV 2.0, event hash ID rules).
    private static readonly Dictionary<string, string[][]> KeptQualifiers = new(StringComparer.Ordinal)
    {
        ["00"] = new[] { Array.Empty<string>() },
        ["01"] = new[] { new[] { "21" }, new[] { "235" }, new[] { "10" }, Array.Empty<string>() },
        ["253"] = new[] { Array.Empty<string>() },
        ["255"] = new[] { Array.Empty<string>() },
        ["401"] = new[] { Array.Empty<string>() },
        ["402"] = new[] { Array.Empty<string>() },
        ["414"] = new[] { new[] { "254" }, Array.Empty<string>() },
        ["417"] = new[] { Array.Empty<string>() },
        ["8003"] = new[] { Array.Empty<string>() },
        ["8004"] = new[] { Array.Empty<string>() },
        ["8006"] = new[] { new[] { "21" }, new[] { "10" }, Array.Empty<string>() },
        ["8010"] = new[] { new[] { "8011" }, Array.Empty<string>() },
        ["8017"] = new[] { Array.Empty<string>() },
        ["8018"] = new[] { Array.Empty<string>() },
    };

    // Digital Link 1.x short names for the keys and qualifiers above.
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["sscc"] = "00", ["gtin"] = "01", ["lot"] = "10", ["ser"] = "21", ["cpv"] = "22", ["gdti"] = "253",
        ["glnx"] = "254", ["gcn"] = "255", ["ginc"] = "401", ["gsin"] = "402", ["gln"] = "414", ["party"] = "417",
        ["grai"] = "8003", ["giai"] = "8004", ["itip"] = "8006", ["cpid"] = "8010", ["cpsn"] = "8011",
        ["gsrnp"] = "8017", ["gsrn"] = "8018",
    };

    // Serials may hold dots: split only as far as the scheme has fields.
    private static readonly Dictionary<string, int> FieldCount = new(StringComparer.Ordinal)
    {
        ["sgtin"] = 3, ["lgtin"] = 3, ["upui"] = 3, ["sgln"] = 3, ["grai"] = 3, ["gdti"] = 3, ["sgcn"] = 3, ["cpi"] = 3,
        ["itip"] = 5,
    };

    private static readonly HashSet<string> Qualifiers = new(StringComparer.Ordinal) { "10", "21", "22", "235", "254", "8011" };

    /// <summary>The canonical form of an identifier, or the identifier itself when it is neither an EPC URN nor a Digital Link.</summary>
    public static string Normalise(string uri)
    {
        if (uri.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            return FromEpcUrn(uri) ?? uri;
        }

        return FromDigitalLink(uri) ?? uri;
    }

    /// <summary>The canonical Digital Link of an EPC pure identity, class or pattern URN, or null for schemes with no GS1 key.</summary>
    public static string? FromEpcUrn(string urn)
    {
        var parts = urn.Split(':', 5);
        if (parts.Length != 5)
        {
            return null;
        }

        var pattern = parts[2] == "idpat";
        var fields = parts[4].Split('.', FieldCount.GetValueOrDefault(parts[3], 2));
        if (pattern)
        {
            // A pattern names a class only when just its last field is a wildcard.
            if (fields[^1] != "*" || fields[..^1].Any(f => f == "*"))
            {
                return null;
            }

            fields = fields[..^1];
        }

        var pairs = (parts[2], parts[3]) switch
        {
            ("id" or "idpat", "sgtin") => Tail(Gtin(fields), "21", fields, 2),
            ("class", "lgtin") => Tail(Gtin(fields), "10", fields, 2),
            ("id" or "idpat", "upui") => Tail(Gtin(fields), "235", fields, 2),
            ("id", "sscc") => Key("00", Indicated(fields)),
            ("id", "sgln") when fields.Length == 3 => Tail(Key("414", Checked(fields)), "254", fields[2] == "0" ? fields[..2] : fields, 2),
            ("id" or "idpat", "grai") => Key("8003", WithSerial("0" + Checked(fields), fields, 2)),
            ("id", "giai") when fields.Length == 2 => Key("8004", fields[0] + Decode(fields[1])),
            ("id", "gsrn") => Key("8018", Checked(fields)),
            ("id", "gsrnp") => Key("8017", Checked(fields)),
            ("id" or "idpat", "gdti") => Key("253", WithSerial(Checked(fields), fields, 2)),
            ("id" or "idpat", "sgcn") => Key("255", WithSerial(Checked(fields), fields, 2)),
            ("id" or "idpat", "cpi") => Tail(Key("8010", fields[0] + Decode(fields.ElementAtOrDefault(1) ?? "")), "8011", fields, 2),
            ("id", "ginc") when fields.Length == 2 => Key("401", fields[0] + Decode(fields[1])),
            ("id", "gsin") => Key("402", Checked(fields)),
            ("id", "pgln") => Key("417", Checked(fields)),
            ("id" or "idpat", "itip") when fields.Length >= 4 => Tail(Key("8006", Indicated(fields) + fields[2] + fields[3]), "21", fields, 4),
            _ => null,
        };

        return pairs is null || pairs.Any(p => p.Value is null) ? null : Write(pairs!);
    }

    /// <summary>The canonical form of a GS1 Digital Link URI (any host, short names allowed), or null when it is none.</summary>
    public static string? FromDigitalLink(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ShortNames.GetValueOrDefault(s, s)).ToList();
        var start = segments.FindIndex(KeptQualifiers.ContainsKey);
        if (start < 0 || (segments.Count - start) % 2 != 0)
        {
            return null;
        }

        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i < segments.Count; i += 2)
        {
            if (i > start && !Qualifiers.Contains(segments[i]))
            {
                return null;
            }

            pairs.TryAdd(segments[i], Uri.UnescapeDataString(segments[i + 1]));
        }

        var key = segments[start];
        var value = pairs[key];
        if (key is "01" && Gs1.IsDigits(value) && value.Length is 8 or 12 or 13)
        {
            value = value.PadLeft(14, '0');
        }

        var kept = KeptQualifiers[key].First(q => q.All(pairs.ContainsKey));
        var result = new List<KeyValuePair<string, string?>> { new(key, value) };
        result.AddRange(kept.Select(q => new KeyValuePair<string, string?>(q, pairs[q])));
        return Write(result);
    }

    /// <summary>A Digital Link path value percent-encoded as the canonical form writes it.</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '\''))
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string Write(IEnumerable<KeyValuePair<string, string?>> pairs) =>
        Host + string.Concat(pairs.Select(p => $"/{p.Key}/{Encode(p.Value!)}"));

    private static List<KeyValuePair<string, string?>> Key(string ai, string? value) =>
        new() { new(ai, value) };

    // The field at index, when present, becomes the qualifier ai.
    private static List<KeyValuePair<string, string?>> Tail(List<KeyValuePair<string, string?>> pairs, string ai, string[] fields, int index)
    {
        if (fields.Length > index)
        {
            pairs.Add(new(ai, Decode(fields[index])));
        }

        return pairs;
    }

    private static List<KeyValuePair<string, string?>> Gtin(string[] fields) => Key("01", Indicated(fields));

    // Company prefix and reference together, then the check digit: GLN, GSRN, GSIN, PGLN, GDTI, GRAI, SGCN.
    private static string? Checked(string[] fields)
    {
        if (fields.Length < 2 || !Digits(fields[0]) || !(fields[1].Length == 0 || Digits(fields[1])))
        {
            return null;
        }

        var body = fields[0] + fields[1];
        return body + Gs1.CheckDigit(body);
    }

    // The reference's first digit (indicator or extension) moves in front of the company prefix: GTIN, SSCC, ITIP.
    private static string? Indicated(string[] fields)
    {
        if (fields.Length < 2 || !Digits(fields[0]) || !Digits(fields[1]))
        {
            return null;
        }

        var body = fields[1][..1] + fields[0] + fields[1][1..];
        return body + Gs1.CheckDigit(body);
    }

    private static string? WithSerial(string? key, string[] fields, int index) =>
        key is null ? null : key + (fields.Length > index ? Decode(fields[index]) : "");

    private static bool Digits(string text) => Gs1.IsDigits(text);

    private static string Decode(string field) => Uri.UnescapeDataString(field);
}
