using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// The opaque nextPageToken: a position bound to one query, authenticated with HMAC-SHA256 under the repository's key.
/// Any token that was not written by Write with the same key and query is refused as nextPageToken, never thrown otherwise.
/// </summary>
public static class PageToken
{
    private const byte Version = 1;
    private const int MacLength = 32;
    private const int FingerprintLength = 16;
    private const int FixedLength = 1 + 8 + 8 + FingerprintLength;
    private const int MaxEventIdBytes = 2048;

    /// <summary>The token for the page after position, for this query.</summary>
    public static string Write(PagePosition position, EventQuery query, byte[] key)
    {
        var id = Encoding.UTF8.GetBytes(position.EventId);
        var payload = new byte[FixedLength + id.Length];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), position.RecordTime.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(9), position.Horizon.UtcTicks);
        query.Fingerprint().CopyTo(payload.AsSpan(17));
        id.CopyTo(payload.AsSpan(FixedLength));
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The position a token holds, after checking its MAC and that it was issued for this query.</summary>
    public static PagePosition Read(string token, EventQuery query, byte[] key)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || Decode(parts[0]) is not { Length: >= FixedLength and <= FixedLength + MaxEventIdBytes } payload
            || Decode(parts[1]) is not { Length: MacLength } mac)
        {
            throw Refused("is not a page token of this repository");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
        {
            throw Refused("was altered or not issued by this repository");
        }

        if (payload[0] != Version || !payload.AsSpan(17, FingerprintLength).SequenceEqual(query.Fingerprint()))
        {
            throw Refused("belongs to another query: repeat the query's parameters unchanged with the token");
        }

        var recordTime = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1));
        var horizon = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(9));
        if (recordTime < 0 || recordTime > DateTimeOffset.MaxValue.UtcTicks || horizon < 0 || horizon > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw Refused("holds an impossible position");
        }

        return new PagePosition(new DateTimeOffset(recordTime, TimeSpan.Zero), Encoding.UTF8.GetString(payload.AsSpan(FixedLength)), new DateTimeOffset(horizon, TimeSpan.Zero));
    }

    private static DomainException Refused(string problem) => DomainException.Invalid("nextPageToken", problem);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? Decode(string text)
    {
        if (text.Length == 0 || text.Length > 4 * (FixedLength + MaxEventIdBytes) || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        try
        {
            // Only the one spelling Write produces: spare low bits in the last character must not pass as the same token.
            var bytes = Convert.FromBase64String(padded);
            return Base64Url(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
