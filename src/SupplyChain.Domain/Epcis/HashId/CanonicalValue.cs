using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupplyChain.Domain.Epcis.HashId;

/// <summary>How the event hash ID writes single values: timestamps, numbers and CBV vocabulary words.</summary>
public static partial class CanonicalValue
{
    private const string CbvWeb = "https://ref.gs1.org/cbv/";

    // urn:epcglobal:cbv:{kind}:{word} names the same term as the Web URI https://ref.gs1.org/cbv/{Kind}-{word}.
    private static readonly Dictionary<string, string> UrnKinds = new(StringComparer.Ordinal)
    {
        ["bizstep"] = "BizStep", ["disp"] = "Disp", ["btt"] = "BTT", ["sdt"] = "SDT", ["er"] = "ER",
    };

    /// <summary>A timestamp in UTC with exactly three decimals and 'Z', the third rounded up when the fourth is 5-9; other text trimmed.</summary>
    public static string Timestamp(string text)
    {
        var trimmed = text.Trim();
        var match = TimestampPattern().Match(trimmed);
        if (!match.Success || !DateTime.TryParseExact(match.Groups["base"].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return trimmed;
        }

        var fraction = match.Groups["fraction"].Value.PadRight(4, '0');
        var milliseconds = int.Parse(fraction[..3], CultureInfo.InvariantCulture) + (fraction[3] >= '5' ? 1 : 0);
        var zone = match.Groups["zone"].Value;
        var offset = zone == "Z" ? TimeSpan.Zero : TimeSpan.ParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture) * (zone[0] == '-' ? -1 : 1);
        var utc = local.AddMilliseconds(milliseconds) - offset;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A timestamp as an instant, or null when the text is not an xsd:dateTimeStamp.</summary>
    public static DateTimeOffset? Instant(string text)
    {
        var canonical = Timestamp(text);
        return canonical.EndsWith('Z') && DateTimeOffset.TryParseExact(canonical, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
    }

    /// <summary>A JSON number without trailing zeros or exponent (1.0 is 1, 0.3430 is 0.343); strings trimmed.</summary>
    public static string Number(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return Scalar(value);
        }

        var raw = value.GetRawText();
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            var text = exact.ToString("0.############################", CultureInfo.InvariantCulture);
            return text == "-0" ? "0" : text;
        }

        return value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A string, number or boolean as the pre-hash writes it.</summary>
    public static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => Number(value),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>A CBV vocabulary value as its Web URI: a bare word becomes https://ref.gs1.org/cbv/{kind}-{word}.</summary>
    public static string Vocabulary(string value, string kind, JsonLdPrefixes prefixes)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains(':', StringComparison.Ordinal))
        {
            return $"{CbvWeb}{kind}-{trimmed}";
        }

        if (trimmed.StartsWith("urn:epcglobal:cbv:", StringComparison.Ordinal))
        {
            var parts = trimmed.Split(':', 5);
            if (parts.Length == 5 && UrnKinds.TryGetValue(parts[3], out var web))
            {
                return $"{CbvWeb}{web}-{parts[4]}";
            }
        }

        return prefixes.Expand(trimmed);
    }

    /// <summary>A gs1: term (sensor types, alarm words) as its full URI: a bare word is taken in the gs1 namespace.</summary>
    public static string Gs1Term(string value, JsonLdPrefixes prefixes)
    {
        var trimmed = value.Trim();
        return trimmed.Contains(':', StringComparison.Ordinal) ? prefixes.Expand(trimmed) : prefixes.Namespace("gs1") + trimmed;
    }

    /// <summary>An identifier: compact IRIs expanded, EPC URNs and Digital Links in canonical Digital Link form.</summary>
    public static string Identifier(string value, JsonLdPrefixes prefixes) =>
        CanonicalIdentifier.Normalise(prefixes.Expand(value.Trim()));

    [GeneratedRegex(@"^(?<base>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d+))?(?<zone>Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
