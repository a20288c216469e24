using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;
using SupplyChain.Domain.Integrity;

namespace SupplyChain.Grains.Storage;

/// <summary>An event stored for a batch, with the exact text its hash covers.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.StoredEvent")]
public sealed record StoredEvent([property: Id(0)] RecordedEvent Recorded, [property: Id(1)] string CanonicalJson, [property: Id(2)] string Fingerprint);

/// <summary>
/// The append-only batch log in Azure Tables: a partition per batch, a row per event ("e" + version) carrying its
/// client event id and content fingerprint, and a head row ("h") with the state (and trail) after an event.
/// An append is one insert of the event's row: that insert is the commit, and a second writer collides on the version.
/// The head row is then replaced (after every event by default, see <see cref="StorageOptions.HeadEvery"/>); a head
/// behind the log is caught up from the rows after it. Logs written before event rows carried fingerprints also have
/// a row per event id ("i" + id); they are still read.
/// </summary>
public sealed class BatchLogStore(Tables tables)
{
    private const string Head = "h";

    /// <summary>Largest trail kept in the head row; a longer one is rebuilt from the events when a trace needs it.</summary>
    public const int MaxTrailInHead = 30_000;

    public async Task<BatchState?> ReadStateAsync(BatchRef batch, CancellationToken ct = default) =>
        (await ReadHeadAsync(batch, ct))?.State;

    /// <summary>The state after the last event and, when small enough to keep there, the batch's trail for traces.</summary>
    public async Task<(BatchState State, BatchTrail? Trail)?> ReadHeadAsync(BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(batch), Head, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } head)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<BatchState>(ChunkedText.Read(head, "State"), EventHash.Canonical)!;
        var trail = head.GetString("Trail0") is { } json ? JsonSerializer.Deserialize<BatchTrail>(json, EventHash.Canonical) : null;
        return (state, trail?.Version == state.Version ? trail : null);
    }

    /// <summary>The trail's text for the head row, or null when it is too long to keep there.</summary>
    public static string? TrailText(BatchTrail trail) =>
        JsonSerializer.Serialize(trail, EventHash.Canonical) is { Length: <= MaxTrailInHead } json ? json : null;

    /// <summary>How often the head row is rewritten.</summary>
    public int HeadEvery => tables.HeadEvery;

    /// <summary>Stores one event: a single insert of its row. False when that version is stored already (nothing is written then).</summary>
    public async Task<bool> TryAppendAsync(BatchRef batch, StoredEvent stored, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var e = stored.Recorded;
        var row = new TableEntity(Partition(batch), EventRow(e.Version))
        {
            ["EventId"] = e.Event.EventId,
            ["Fingerprint"] = stored.Fingerprint,
            ["Hash"] = e.Hash,
            ["PreviousHash"] = e.PreviousHash,
            ["RecordedAt"] = e.RecordedAt,
        };
        ChunkedText.Write(row, "Json", stored.CanonicalJson);
        try
        {
            await table.AddEntityAsync(row, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the head row with the state after an event, and the trail when it is short enough to keep there.</summary>
    public async Task WriteHeadAsync(BatchRef batch, BatchState state, string? trailText, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var head = new TableEntity(Partition(batch), Head) { ["Version"] = state.Version, ["HeadHash"] = state.HeadHash };
        ChunkedText.Write(head, "State", JsonSerializer.Serialize(state, EventHash.Canonical));
        if (trailText is not null)
        {
            // Kept beside the state, a cold trace reads one row per batch instead of a partition query.
            head["Trail0"] = trailText;
        }

        await table.UpsertEntityAsync(head, TableUpdateMode.Replace, ct);
    }

    /// <summary>Every client event id of the batch with its version and content fingerprint: one query over its rows.</summary>
    public async Task<Dictionary<string, (long Version, string Fingerprint)>> ReadEventIdsAsync(BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(batch)} and RowKey ge {"e"} and RowKey lt {"j"}");
        var ids = new Dictionary<string, (long Version, string Fingerprint)>(StringComparer.Ordinal);
        var olderFingerprints = new Dictionary<long, string>();
        var select = new[] { "RowKey", "EventId", "Fingerprint", "Version" };
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: select, cancellationToken: ct))
        {
            if (row.RowKey.StartsWith('e') && row.GetString("EventId") is { } id)
            {
                ids[id] = (long.Parse(row.RowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), row.GetString("Fingerprint") ?? "");
            }
            else if (row.RowKey.StartsWith('i') && row.GetInt64("Version") is { } version)
            {
                olderFingerprints[version] = row.GetString("Fingerprint") ?? "";
            }
        }

        foreach (var (id, (version, fingerprint)) in ids.Where(x => x.Value.Fingerprint.Length == 0).ToList())
        {
            ids[id] = (version, olderFingerprints.GetValueOrDefault(version, ""));
        }

        return ids;
    }

    /// <summary>The version and content fingerprint stored under a client event id, if any.</summary>
    public async Task<(long Version, string Fingerprint)?> FindEventIdAsync(BatchRef batch, string eventId, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var older = await table.GetEntityIfExistsAsync<TableEntity>(Partition(batch), IdRow(eventId), cancellationToken: ct);
        if (older.HasValue && older.Value is { } found)
        {
            return (found.GetInt64("Version") ?? 0, found.GetString("Fingerprint") ?? "");
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(batch)} and RowKey ge {"e"} and RowKey lt {"f"} and EventId eq {eventId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: new[] { "RowKey", "Fingerprint" }, cancellationToken: ct))
        {
            return (long.Parse(row.RowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), row.GetString("Fingerprint") ?? "");
        }

        return null;
    }

    /// <summary>Events from a version on, in order, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(BatchRef batch, long fromVersion, int max, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(batch)} and RowKey ge {EventRow(Math.Max(1, fromVersion))} and RowKey lt {"f"}");
        var events = new List<StoredEvent>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            var json = ChunkedText.Read(row, "Json");
            var version = long.Parse(row.RowKey.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            var recorded = new RecordedEvent(
                version,
                row.GetDateTimeOffset("RecordedAt") ?? default,
                row.GetString("PreviousHash") ?? "",
                row.GetString("Hash") ?? "",
                Parse(batch, version, json));
            events.Add(new StoredEvent(recorded, json, ""));
            if (events.Count >= max)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>
    /// The event rows and head row exactly as stored, unparsed, for verifying the hash chain against storage itself.
    /// One query over the batch's partition; rows come in key order, so events come in version order.
    /// </summary>
    public async Task<(IReadOnlyList<StoredLink> Events, StoredHead? Head)> ReadStoredChainAsync(BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(batch)} and RowKey ge {"e"} and RowKey le {Head}");
        var events = new List<StoredLink>();
        StoredHead? head = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            if (row.RowKey == Head)
            {
                // Read leniently: a row edited behind the service's back may hold anything, and verifying must say what.
                var version = row.TryGetValue("Version", out var value) && value is long v ? v : 0;
                head = new StoredHead(version, Text(row, "HeadHash"), row.ContainsKey("State0") ? ChunkedText.Read(row, "State") : null);
            }
            else if (row.RowKey.StartsWith('e'))
            {
                var version = long.TryParse(row.RowKey.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
                var json = row.TryGetValue("Json0", out var first) && first is string ? ChunkedText.Read(row, "Json") : null;
                events.Add(new StoredLink(version, json, Text(row, "Hash"), Text(row, "PreviousHash")));
            }
        }

        return (events, head);
    }

    /// <summary>A stored event's content; content that no longer parses names its batch and version (an edit behind the service's back, or lost data).</summary>
    private static Domain.Batches.Events.BatchEvent Parse(BatchRef batch, long version, string json)
    {
        try
        {
            return EventHash.ParseEvent(json);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or FormatException or NotSupportedException)
        {
            throw new InvalidDataException($"the stored event at version {version} of batch {batch} does not parse ({ex.Message}): run VerifyBatch on it", ex);
        }
    }

    public static string Partition(BatchRef batch) => TableKey.Escape(batch.Key);

    public static string EventRow(long version) => $"e{version:D12}";

    public static string IdRow(string eventId) => "i" + TableKey.Escape(eventId);

    private static string Text(TableEntity row, string name) => row.TryGetValue(name, out var value) && value is string text ? text : "";
}
