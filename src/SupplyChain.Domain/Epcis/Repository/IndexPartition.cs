using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// The partitions of the EPCIS index table, one per thing a query asks for. Every index row's row key is
/// <see cref="RowKey"/> (record time, then event key), so each partition reads in record-time order and a page
/// position is the same in all of them.
/// </summary>
public static class IndexPartition
{
    private const int MaxValueLength = 400;

    /// <summary>The events recorded on one UTC day.</summary>
    public static string RecordDay(DateTimeOffset recordTime) => "r|" + recordTime.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The events that happened on one UTC day.</summary>
    public static string EventDay(DateTimeOffset eventTime) => "et|" + eventTime.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string EventType(string type) => "ty|" + Escape(type);

    public static string BizStep(string uri) => "bs|" + Escape(uri);

    public static string Disposition(string uri) => "dp|" + Escape(uri);

    public static string ReadPoint(string canonical) => "rp|" + Escape(canonical);

    public static string BizLocation(string canonical) => "bl|" + Escape(canonical);

    /// <summary>The events that name one identifier (canonical form), in any role.</summary>
    public static string Object(string canonical) => "o|" + Escape(canonical);

    /// <summary>The batch an identifier's partition names when the identifier is a lot (an LGTIN), else null.</summary>
    public static Identifiers.BatchRef? Lot(string partition)
    {
        if (!partition.StartsWith("o|", StringComparison.Ordinal) || partition.StartsWith("o|h-", StringComparison.Ordinal))
        {
            return null;
        }

        var canonical = Uri.UnescapeDataString(partition[2..]);
        var at = canonical.IndexOf("/01/", StringComparison.Ordinal);
        var lot = at < 0 ? -1 : canonical.IndexOf("/10/", at, StringComparison.Ordinal);
        if (lot != at + 18 || canonical.IndexOf('/', lot + 4) >= 0)
        {
            return null;
        }

        try
        {
            return Identifiers.BatchRef.Parse(canonical.Substring(at + 4, 14), Uri.UnescapeDataString(canonical[(lot + 4)..]));
        }
        catch (DomainException)
        {
            return null;
        }
    }

    /// <summary>The events that name any instance, lot or class of one GTIN: what a class wildcard reads.</summary>
    public static string Gtin(string gtin) => "g|" + gtin;

    /// <summary>Whether a partition is of a term an inline event keeps as a column (not an identifier's or a GTIN's).</summary>
    public static bool IsTerm(string partition) => Column(partition) is not null;

    /// <summary>The record-day column that holds an inline event's partition of this kind, or null for identifiers and GTINs.</summary>
    public static string? Column(string partition) => partition[..Math.Max(partition.IndexOf('|'), 0)] switch
    {
        "et" or "ty" or "bs" or "dp" or "rp" or "bl" => "T_" + partition[..partition.IndexOf('|')],
        _ => null,
    };

    public static string RowKey(DateTimeOffset recordTime, string key) =>
        recordTime.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + key;

    /// <summary>The record time and event key a row key holds.</summary>
    public static (DateTimeOffset RecordTime, string Key) Read(string rowKey) =>
        (new DateTimeOffset(long.Parse(rowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero), rowKey[20..]);

    /// <summary>The 14-digit GTIN of a canonical Digital Link, or null when it names none.</summary>
    public static string? GtinOf(string canonical)
    {
        var at = canonical.IndexOf("/01/", StringComparison.Ordinal);
        return at >= 0 && canonical.Length >= at + 18 && canonical.AsSpan(at + 4, 14).IndexOfAnyExceptInRange('0', '9') < 0
            ? canonical.Substring(at + 4, 14)
            : null;
    }

    // Table keys may not hold '/', '\', '#', '?' or control characters; very long values are hashed to stay under 1 KiB.
    private static string Escape(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        return escaped.Length <= MaxValueLength
            ? escaped
            : "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
