using System.Text.Json;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Integrity;

/// <summary>
/// Recomputes a batch log's hash chain from its stored rows: versions contiguous from 1, each previous hash the hash
/// before it, each hash the SHA-256 of the previous hash and the stored text, each text an event of this batch at this
/// version, and the head naming a stored event (the last one, or one before it when the head is written every few
/// events or a crash came between an event and its head: the events after it are checked as any other). A head that
/// names an event the log does not hold means events were removed. Reports the first row that breaks any of these.
/// </summary>
public static class LogVerifier
{
    /// <param name="links">The event rows in key order, as read.</param>
    /// <param name="head">The head row, or null when there is none.</param>
    public static LogVerification Verify(BatchRef batch, IReadOnlyList<StoredLink> links, StoredHead? head)
    {
        var headVersion = head?.Version ?? 0;
        var headHash = head?.HeadHash ?? "";
        LogVerification Broken(long checkedCount, long version, ChainBreak why, string reason) =>
            new(checkedCount, headVersion, headHash, version, why, reason);

        var previous = "";
        var sound = 0L;
        var hashes = new List<string> { "" };
        foreach (var link in links)
        {
            var expected = sound + 1;
            if (link.Version != expected)
            {
                return Broken(sound, expected, ChainBreak.VersionGap, link.Version <= 0
                    ? $"version gap: expected version {expected}, found a row that names no version"
                    : $"version gap: expected version {expected}, the next stored event is version {link.Version}");
            }

            if (link.PreviousHash != previous)
            {
                return Broken(sound, expected, ChainBreak.PreviousHashDoesNotLink,
                    $"previous hash does not link: version {expected} names {Short(link.PreviousHash)} but version {expected - 1} is {Short(previous)}");
            }

            if (link.CanonicalJson is not { } json)
            {
                return Broken(sound, expected, ChainBreak.ContentDoesNotParse, $"content does not parse: version {expected} has no stored content");
            }

            var computed = EventHash.Chain(previous, json);
            if (computed != link.Hash)
            {
                return Broken(sound, expected, ChainBreak.HashMismatch,
                    $"hash mismatch: version {expected} stores hash {Short(link.Hash)} but its content hashes to {Short(computed)}");
            }

            if (Problem(json, batch, expected) is { } problem)
            {
                return Broken(sound, expected, problem.Break, problem.Reason);
            }

            previous = link.Hash;
            sound = expected;
            hashes.Add(link.Hash);
        }

        if (head is null)
        {
            return Broken(sound, sound, ChainBreak.HeadDoesNotMatch, $"head does not match: the log has {sound} events but no head row");
        }

        var stateVersion = StateVersion(head.StateJson);
        var named = head.Version is > 0 && head.Version <= sound ? hashes[(int)head.Version] : null;
        if (named is null || head.HeadHash != named || stateVersion != (head.Version, head.HeadHash))
        {
            return Broken(sound, named is null ? Math.Max(Math.Max(head.Version, sound), 1) : head.Version, ChainBreak.HeadDoesNotMatch,
                $"head does not match: the head names version {head.Version} with hash {Short(head.HeadHash)}"
                + stateVersion switch
                {
                    null => " and has no stored state",
                    var (v, h) when (v, h) != (head.Version, head.HeadHash) => $" but its stored state names version {v} with hash {Short(h)}",
                    _ => "",
                }
                + $", the log ends at version {sound} with hash {Short(previous)}");
        }

        return new LogVerification(sound, headVersion, headHash, null, null, "ok");
    }

    /// <summary>Why a text whose hash matches is still not this batch's event at this version, if it is not.</summary>
    private static (ChainBreak Break, string Reason)? Problem(string json, BatchRef batch, long version)
    {
        try
        {
            EventHash.ParseEvent(json);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var namedBatch = root.TryGetProperty("batch", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
            var namedVersion = root.TryGetProperty("version", out var v) && v.TryGetInt64(out var n) ? n : 0;
            return namedBatch == batch.Key && namedVersion == version
                ? null
                : (ChainBreak.ContentMisplaced, $"content misplaced: version {version} holds the event of {namedBatch ?? "no batch"} version {namedVersion}");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (ChainBreak.ContentDoesNotParse, $"content does not parse: version {version}: {ex.Message}");
        }
    }

    /// <summary>The version and head hash the head's stored state names; null when there is no readable state.</summary>
    private static (long Version, string Hash)? StateVersion(string? stateJson)
    {
        if (stateJson is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(stateJson);
            var root = document.RootElement;
            return (root.GetProperty("version").GetInt64(), root.GetProperty("head_hash").GetString() ?? "");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (-1, "unreadable");
        }
    }

    private static string Short(string hash) => hash.Length == 0 ? "(none)" : hash.Length <= 12 ? hash : hash[..12];
}
