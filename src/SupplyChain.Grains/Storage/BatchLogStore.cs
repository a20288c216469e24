using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;
using SupplyChain.Domain.Integrity;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// The append-only batch log in Azure Tables. A batch's head row ("h", the state and trail after an event) has a
/// partition of its own; its events are in partitions of <see cref="ChunkSize"/> versions each ("{batch}~00000000",
/// "~00000001", ...), so that no partition grows with the history. Events reach the log from the journal
/// (<see cref="BatchJournal"/>), which stores them first: the batch writes them out some at a time, as page rows keyed
/// "e" + the page's first version (one event as its own properties, several as a list; each carries the client event
/// id and a content fingerprint), a transaction per partition, then replaces the head row, which names the journal
/// writer that may hold events not written out yet. A head behind the event rows (a crash between the two) is caught
/// up from the rows after it.
/// Logs stored before this layout (every row in the batch's partition, a row per event id) are copied into it when
/// their batch is next activated (<see cref="UpgradeAsync"/>).
/// </summary>
public sealed class BatchLogStore(Tables tables)
{
    private const string Head = "h";

    /// <summary>Largest trail kept in the head row; a longer one is rebuilt from the events when a trace needs it.</summary>
    public const int MaxTrailInHead = 30_000;

    /// <summary>Versions per event partition.</summary>
    public const int ChunkSize = 100;

    /// <summary>Characters of event content one page row takes (an entity holds 1 MB; a character is two bytes).</summary>
    public const int PageCharacters = 240_000;

    /// <summary>
    /// The head row: the state after the event it names (none for a row that only claims a batch not yet created) and,
    /// when small enough to keep there, the batch's trail for traces; the journal writer whose events of the batch may
    /// not all be in the log yet ("" when none); <c>Chunked</c> is false for a log in the layout before event partitions.
    /// </summary>
    public async Task<BatchHead?> ReadHeadAsync(BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(batch), Head, cancellationToken: ct);
        if (!row.HasValue || row.Value is not { } head)
        {
            return null;
        }

        var state = head.ContainsKey("State0") ? JsonSerializer.Deserialize<BatchState>(ChunkedText.Read(head, "State"), EventHash.Canonical) : null;
        var trail = state is not null && head.GetString("Trail0") is { } json ? JsonSerializer.Deserialize<BatchTrail>(json, EventHash.Canonical) : null;
        return new BatchHead(state, trail?.Version == state?.Version ? trail : null, head.ContainsKey("Chunks"), head.GetString("Writer") ?? "", head.ETag, head.GetInt64("SettledFrom") ?? 0);
    }

    /// <summary>The trail's text for the head row, or null when it is too long to keep there.</summary>
    public static string? TrailText(BatchTrail trail) =>
        JsonSerializer.Serialize(trail, EventHash.Canonical) is { Length: <= MaxTrailInHead } json ? json : null;

    /// <summary>
    /// Names a journal writer in the head row (creating a bare row for a batch not yet stored), if the row is still the
    /// one read: the new ETag, or null when someone else changed it first.
    /// </summary>
    public async Task<ETag?> ClaimAsync(BatchRef batch, ETag? etag, string writer, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var row = new TableEntity(Partition(batch), Head) { ["Writer"] = writer };
        try
        {
            if (etag is not { } match)
            {
                row["Version"] = 0L;
                row["Chunks"] = ChunkSize;
                return (await table.AddEntityAsync(row, ct)).Headers.ETag;
            }

            return (await table.UpdateEntityAsync(row, match, TableUpdateMode.Merge, ct)).Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Whether the event row of a version is stored: one point read.</summary>
    public async Task<bool> HasEventAsync(BatchRef batch, long version, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(EventPartition(batch, version), EventRow(version), new[] { "RowKey" }, ct);
        return row.HasValue;
    }

    /// <summary>
    /// Writes events into the log (a transaction per event partition; writing one again changes nothing), then replaces
    /// the head row with the state after them, naming the writer that may still hold later events ("" for none), if the
    /// head is still the one with <paramref name="etag"/>. The new ETag; a head changed by someone else throws.
    /// <paramref name="settledFrom"/> marks events from that version on as written out without their batch.
    /// </summary>
    public async Task<ETag> WriteOutAsync(BatchRef batch, IReadOnlyList<StoredEvent> events, BatchState state, string? trailText, string writer, ETag etag, CancellationToken ct = default, long settledFrom = 0)
    {
        var table = await tables.BatchLogAsync();
        foreach (var partition in Pages(events).GroupBy(p => EventPartition(batch, p[0].Recorded.Version)))
        {
            await table.SubmitTransactionAsync(partition.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, PageEntity(batch, p))), ct);
        }

        var head = new TableEntity(Partition(batch), Head) { ["Version"] = state.Version, ["HeadHash"] = state.HeadHash, ["Chunks"] = ChunkSize, ["Writer"] = writer, ["SettledFrom"] = settledFrom };
        ChunkedText.Write(head, "State", JsonSerializer.Serialize(state, EventHash.Canonical));
        if (trailText is not null)
        {
            // Kept beside the state, a cold trace reads one row per batch instead of a partition query.
            head["Trail0"] = trailText;
        }

        try
        {
            return (await table.UpdateEntityAsync(head, etag, TableUpdateMode.Replace, ct)).Headers.ETag ?? throw new InvalidOperationException("storage gave no ETag for a head row");
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new Orleans.Storage.InconsistentStateException($"the head row of batch {batch} changed while its events were written out");
        }
    }

    /// <summary>
    /// Brings a batch's log up to date with events a journal writer holds for it, if its head still names that writer:
    /// the events after the head are written out (after any rows a write out stored before its head) and the head names
    /// no writer any more. Safe to run again; events that do not follow the log are refused as lost data.
    /// </summary>
    public async Task SettleAsync(BatchRef batch, IReadOnlyList<StoredEvent> journaled, string writer, CancellationToken ct = default)
    {
        var head = await ReadHeadAsync(batch, ct);
        if (head is null || head.Writer != writer)
        {
            return;
        }

        var (state, trail) = (head.State, head.Trail);
        var settledFrom = head.SettledFrom > 0 ? head.SettledFrom : (state?.Version ?? 0) + 1;
        if (await HasEventAsync(batch, (state?.Version ?? 0) + 1, ct))
        {
            foreach (var stored in await ReadEventsAsync(batch, (state?.Version ?? 0) + 1, int.MaxValue, ct))
            {
                (state, trail) = Apply(state, trail, stored.Recorded);
            }
        }

        var events = new List<StoredEvent>();
        foreach (var e in journaled.OrderBy(e => e.Recorded.Version).Where(e => e.Recorded.Version > (state?.Version ?? 0)))
        {
            if (e.Recorded.Version != (state?.Version ?? 0) + 1 || e.Recorded.PreviousHash != (state?.HeadHash ?? ""))
            {
                throw new InvalidDataException($"journaled event {e.Recorded.Version} of batch {batch} does not follow its log at version {state?.Version ?? 0}");
            }

            (state, trail) = Apply(state, trail, e.Recorded);
            events.Add(e);
        }

        var table = await tables.BatchLogAsync();
        if (state is null)
        {
            // A claim on a batch that was never created: nothing to keep.
            await table.DeleteEntityAsync(Partition(batch), Head, head.ETag, ct);
            return;
        }

        // The batch did not see these events through: it stores their alerts when it next loads its head.
        await WriteOutAsync(batch, events, state, trail is null ? null : TrailText(trail), "", head.ETag, ct, state.Version >= settledFrom ? settledFrom : 0);
    }

    /// <summary>The state and trail after one more event; the trail is dropped (rebuilt when needed) once it lost step.</summary>
    public static (BatchState State, BatchTrail? Trail) Apply(BatchState? state, BatchTrail? trail, RecordedEvent recorded) =>
        (BatchState.Apply(state, recorded), state is null || trail is { } known && known.Version + 1 == recorded.Version ? BatchTrail.Apply(trail, recorded) : null);

    /// <summary>Consecutive events in pages: none crosses an event partition, none is larger than an entity takes.</summary>
    private static List<List<StoredEvent>> Pages(IReadOnlyList<StoredEvent> events)
    {
        var pages = new List<List<StoredEvent>>();
        var characters = 0;
        foreach (var e in events.OrderBy(e => e.Recorded.Version))
        {
            if (pages.Count == 0 || (e.Recorded.Version - 1) % ChunkSize == 0 || characters + e.CanonicalJson.Length > PageCharacters)
            {
                pages.Add([]);
                characters = 0;
            }

            pages[^1].Add(e);
            characters += e.CanonicalJson.Length;
        }

        return pages;
    }

    /// <summary>
    /// The row of a page, keyed by its first version: one event as its own properties (event id, fingerprint, hashes,
    /// time, canonical JSON), several as a JSON list of the same fields with the last version beside it.
    /// </summary>
    private static TableEntity PageEntity(BatchRef batch, IReadOnlyList<StoredEvent> page)
    {
        var first = page[0].Recorded;
        var row = new TableEntity(EventPartition(batch, first.Version), EventRow(first.Version));
        if (page.Count == 1)
        {
            row["EventId"] = first.Event.EventId;
            row["Fingerprint"] = page[0].Fingerprint;
            row["Hash"] = first.Hash;
            row["PreviousHash"] = first.PreviousHash;
            row["RecordedAt"] = first.RecordedAt;
            ChunkedText.Write(row, "Json", page[0].CanonicalJson);
            return row;
        }

        row["Last"] = page[^1].Recorded.Version;
        var logged = page.Select(e => new LoggedEvent(e.Recorded.Version, e.Recorded.RecordedAt, e.Recorded.PreviousHash, e.Recorded.Hash, e.Recorded.Event.EventId, e.Fingerprint, e.CanonicalJson));
        ChunkedText.Write(row, "Page", JsonSerializer.Serialize(logged, EventHash.Canonical));
        return row;
    }

    /// <summary>
    /// The events a row holds, read leniently (a row edited behind the service's back may hold anything): a page that
    /// does not parse gives one event with no content at its first version, which verifying reports.
    /// </summary>
    private static IReadOnlyList<LoggedEvent> Unpack(TableEntity row)
    {
        var version = long.TryParse(row.RowKey.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (row.ContainsKey("Page0"))
        {
            try
            {
                return JsonSerializer.Deserialize<List<LoggedEvent>>(ChunkedText.Read(row, "Page"), EventHash.Canonical) ?? [];
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
            {
                return [new LoggedEvent(version, default, "", "", "", "", null)];
            }
        }

        var json = row.TryGetValue("Json0", out var first) && first is string ? ChunkedText.Read(row, "Json") : null;
        return [new LoggedEvent(version, row.GetDateTimeOffset("RecordedAt") ?? default, Text(row, "PreviousHash"), Text(row, "Hash"), Text(row, "EventId"), Text(row, "Fingerprint"), json)];
    }

    /// <summary>Every client event id of the batch with its version and content fingerprint, read from its event partitions.</summary>
    public async Task<Dictionary<string, (long Version, string Fingerprint)>> ReadEventIdsAsync(BatchRef batch, CancellationToken ct = default)
    {
        var ids = new Dictionary<string, (long Version, string Fingerprint)>(StringComparer.Ordinal);
        await foreach (var e in LoggedEventsAsync(batch, 1, ct))
        {
            ids[e.EventId] = (e.Version, e.Fingerprint);
        }

        return ids;
    }

    /// <summary>
    /// Copies a log stored before event partitions (events and event-id rows in the batch's own partition) into them,
    /// with each event's fingerprint, then marks the head; safe to run again. The old rows stay as they were.
    /// </summary>
    public async Task UpgradeAsync(BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(batch)} and RowKey ge {"e"} and RowKey lt {"j"}");
        var events = new List<TableEntity>();
        var fingerprints = new Dictionary<long, string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            if (row.RowKey.StartsWith('e'))
            {
                events.Add(row);
            }
            else if (row.GetInt64("Version") is { } version)
            {
                fingerprints[version] = row.GetString("Fingerprint") ?? "";
            }
        }

        foreach (var old in events)
        {
            var version = Version(old);
            var copy = new TableEntity(EventPartition(batch, version), old.RowKey);
            foreach (var (key, value) in old.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")))
            {
                copy[key] = value;
            }

            copy["Fingerprint"] = fingerprints.GetValueOrDefault(version, "");
            await table.UpsertEntityAsync(copy, TableUpdateMode.Replace, ct);
        }

        var head = (await table.GetEntityAsync<TableEntity>(Partition(batch), Head, cancellationToken: ct)).Value;
        head["Chunks"] = ChunkSize;
        await table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, ct);
    }

    /// <summary>
    /// Stored events from a version on, in version order: one query per event partition (from its start, since a page
    /// holds several versions), stopping after one that is not full.
    /// </summary>
    private async IAsyncEnumerable<LoggedEvent> LoggedEventsAsync(BatchRef batch, long fromVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await tables.BatchLogAsync();
        var from = Math.Max(1, fromVersion);
        for (var chunk = (from - 1) / ChunkSize; ; chunk++)
        {
            var last = 0L;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ChunkPartition(batch, chunk)} and RowKey ge {"e"} and RowKey lt {"f"}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: ChunkSize, cancellationToken: ct))
            {
                foreach (var e in Unpack(row))
                {
                    last = e.Version;
                    if (e.Version >= from)
                    {
                        yield return e;
                    }
                }
            }

            if (last != (chunk + 1) * ChunkSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Events from a version on, in order, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(BatchRef batch, long fromVersion, int max, CancellationToken ct = default)
    {
        var events = new List<StoredEvent>();
        if (max <= 0)
        {
            return events;
        }

        await foreach (var e in LoggedEventsAsync(batch, fromVersion, ct))
        {
            var json = e.Json ?? throw new InvalidDataException($"the stored event at version {e.Version} of batch {batch} has no content: run VerifyBatch on it");
            var recorded = new RecordedEvent(e.Version, e.RecordedAt, e.PreviousHash, e.Hash, Parse(batch, e.Version, json));
            events.Add(new StoredEvent(recorded, json, e.Fingerprint));
            if (events.Count >= max)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>
    /// The event rows and head row exactly as stored, unparsed, for verifying the hash chain against storage itself.
    /// One query per event partition; rows come in key order, so events come in version order.
    /// </summary>
    public async Task<(IReadOnlyList<StoredLink> Events, StoredHead? Head)> ReadStoredChainAsync(BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchLogAsync();
        StoredHead? head = null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition(batch), Head, cancellationToken: ct);
        if (found.HasValue && found.Value is { } row)
        {
            // Read leniently: a row edited behind the service's back may hold anything, and verifying must say what.
            var version = row.TryGetValue("Version", out var value) && value is long v ? v : 0;
            head = version == 0 && !row.ContainsKey("State0") ? null : new StoredHead(version, Text(row, "HeadHash"), row.ContainsKey("State0") ? ChunkedText.Read(row, "State") : null);
        }

        var events = new List<StoredLink>();
        await foreach (var e in LoggedEventsAsync(batch, 1, ct))
        {
            events.Add(new StoredLink(e.Version, e.Json, e.Hash, e.PreviousHash));
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

    /// <summary>The partition that holds an event's row.</summary>
    public static string EventPartition(BatchRef batch, long version) => ChunkPartition(batch, (version - 1) / ChunkSize);

    public static string EventRow(long version) => $"e{version:D12}";

    private static string ChunkPartition(BatchRef batch, long chunk) => $"{Partition(batch)}~{chunk:D8}";

    private static long Version(TableEntity row) =>
        long.TryParse(row.RowKey.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string Text(TableEntity row, string name) => row.TryGetValue(name, out var value) && value is string text ? text : "";
}
