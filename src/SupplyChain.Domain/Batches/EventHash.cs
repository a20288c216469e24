using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches;

/// <summary>The canonical form of a stored event and its SHA-256 link to the one before.</summary>
public static class EventHash
{
    /// <summary>Fixed options: camelCase, enums as words, identifiers as plain strings, no indentation.</summary>
    public static readonly JsonSerializerOptions Canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower),
            new GtinConverter(),
            new GlnConverter(),
            new TimeConverter(),
        },
    };

    /// <summary>The exact text that is hashed: batch key, version, record time and the event.</summary>
    public static string CanonicalJson(BatchRef batch, long version, DateTimeOffset recordedAt, BatchEvent e) =>
        JsonSerializer.Serialize(new Envelope(batch.Key, version, recordedAt, e), Canonical);

    /// <summary>Hex SHA-256 of the previous hash, a newline and the canonical text.</summary>
    public static string Chain(string previousHash, string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonicalJson)));

    /// <summary>Stores an event at the next version of a batch and links it into the chain.</summary>
    public static (RecordedEvent Event, string CanonicalJson) Record(BatchRef batch, long version, string previousHash, DateTimeOffset recordedAt, BatchEvent e)
    {
        var canonical = CanonicalJson(batch, version, recordedAt, e);
        return (new RecordedEvent(version, recordedAt, previousHash, Chain(previousHash, canonical), e), canonical);
    }

    /// <summary>Reads an event back from its canonical text.</summary>
    public static BatchEvent ParseEvent(string canonicalJson) =>
        JsonSerializer.Deserialize<Envelope>(canonicalJson, Canonical)?.Event
        ?? throw new InvalidDataException("stored event has no content");

    /// <summary>A fingerprint of a command's content, to tell a retry from a reuse of its id.</summary>
    public static string Fingerprint<T>(T command) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, Canonical)));

    private sealed record Envelope(string Batch, long Version, DateTimeOffset RecordedAt, BatchEvent Event);

    private sealed class GtinConverter : JsonConverter<Gtin>
    {
        public override Gtin Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Gtin value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    private sealed class GlnConverter : JsonConverter<Gln>
    {
        public override Gln Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Gln value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }

    // Times are written in UTC to the tick, so one instant always has one text.
    private sealed class TimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.ParseExact(reader.GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }
}
