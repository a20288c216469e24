using Azure.Data.Tables;

namespace SupplyChain.Grains.Storage;

/// <summary>Stores long text across several string properties (each holds at most 32K characters).</summary>
internal static class ChunkedText
{
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 30;

    public static void Write(TableEntity entity, string name, string text)
    {
        var chunks = (text.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"{name} has {text.Length} characters, more than one table row holds");
        }

        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            entity[$"{name}{i}"] = text.Substring(i * ChunkLength, Math.Min(ChunkLength, text.Length - (i * ChunkLength)));
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        var first = entity.GetString($"{name}0") ?? throw new InvalidDataException($"row {entity.RowKey} has no {name}");
        if (first.Length < ChunkLength)
        {
            return first;
        }

        var parts = new List<string> { first };
        for (var i = 1; entity.GetString($"{name}{i}") is { } part; i++)
        {
            parts.Add(part);
        }

        return string.Concat(parts);
    }
}
