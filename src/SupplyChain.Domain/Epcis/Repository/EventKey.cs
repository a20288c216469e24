using System.Security.Cryptography;
using System.Text;

namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// The table key of an EPCIS event: base64url of the first 16 bytes of SHA-256 of its eventID. Event ids hold '/', '#'
/// and '?', which table keys may not; this key is fixed-length and spreads evenly.
/// </summary>
public static class EventKey
{
    private const string ImportedPrefix = "epcis-";

    public static string Of(string eventId) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)).AsSpan(0, 16));

    /// <summary>
    /// The key of the captured event a batch event was imported from (its id is "epcis-" and the same 16 bytes in hex,
    /// see <see cref="EpcisImport.StoredEventId"/>), or null for an event recorded through gRPC.
    /// </summary>
    public static string? OfImported(string batchEventId)
    {
        if (!batchEventId.StartsWith(ImportedPrefix, StringComparison.Ordinal) || batchEventId.Length < ImportedPrefix.Length + 32)
        {
            return null;
        }

        var hex = batchEventId.Substring(ImportedPrefix.Length, 32);
        return hex.All(char.IsAsciiHexDigitLower) ? Encode(Convert.FromHexString(hex)) : null;
    }

    /// <summary>The partition of an event's own row: its key's first character, so rows written together share 64 partitions.</summary>
    public static string Partition(string key) => key[..1];

    private static string Encode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
