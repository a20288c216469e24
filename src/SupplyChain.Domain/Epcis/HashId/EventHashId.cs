using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupplyChain.Domain.Epcis.HashId;

/// <summary>The CBV 2.0 EPCIS event hash ID: ni:///sha-256;{hex of the pre-hash string}?ver=CBV2.0.</summary>
public static class EventHashId
{
    /// <summary>The algorithm version the id names.</summary>
    public const string Version = "CBV2.0";

    /// <summary>The hash ID of an EPCIS 2.0 JSON-LD event; prefixes are those of the document's @context.</summary>
    public static string Of(JsonElement epcisEvent, JsonLdPrefixes? prefixes = null) =>
        FromPreHash(PreHash.Of(epcisEvent, prefixes));

    /// <summary>The hash ID of an event held as a JsonNode.</summary>
    public static string Of(JsonNode epcisEvent, JsonLdPrefixes? prefixes = null) =>
        Of(JsonSerializer.SerializeToElement(epcisEvent), prefixes);

    /// <summary>The event's own eventID when it has one, else its hash ID.</summary>
    public static string IdOf(JsonElement epcisEvent, JsonLdPrefixes? prefixes = null) =>
        epcisEvent.TryGetProperty("eventID", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Trim() is { Length: > 0 } given
            ? given
            : Of(epcisEvent, prefixes);

    /// <summary>The id of a pre-hash string: SHA-256 of its UTF-8 bytes, in lower-case hex, in the ni URI form.</summary>
    public static string FromPreHash(string preHash) =>
        $"ni:///sha-256;{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preHash)))}?ver={Version}";
}
