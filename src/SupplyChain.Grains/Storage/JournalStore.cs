using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Grains.Storage;

/// <summary>One event as the journal keeps it until its batch's log holds it.</summary>
public sealed record JournalEntry(string Batch, long Version, DateTimeOffset RecordedAt, string PreviousHash, string Hash, string EventId, string Fingerprint, string Json)
{
    public static JournalEntry Of(BatchRef batch, StoredEvent stored) =>
        new(batch.Key, stored.Recorded.Version, stored.Recorded.RecordedAt, stored.Recorded.PreviousHash, stored.Recorded.Hash, stored.Recorded.Event.EventId, stored.Fingerprint, stored.CanonicalJson);

    public StoredEvent ToStored() =>
        new(new RecordedEvent(Version, RecordedAt, PreviousHash, Hash, EventHash.ParseEvent(Json)), Json, Fingerprint);
}

/// <summary>A journal writer's registration: when it last proved it is alive, and which writer's sweep has taken its journal over.</summary>
public sealed record JournalWriter(string Id, string Silo, DateTimeOffset Heartbeat, bool Swept, string Sweeper, ETag ETag);

/// <summary>
/// The journal table. Each silo's writer appends commit rows, each holding the events of many batches, in partitions
/// "{writer}~{segment}" of <see cref="SegmentRows"/> rows; its registration row in partition "writers" carries its
/// heartbeat. Commit rows are deleted once every event in them is in its batch's log.
/// Each segment partition has a fence row: a commit row is added in one transaction with a touch of that row, so a
/// sweep that deleted the fence rows (<see cref="FenceAsync"/>) leaves the writer no way to add another.
/// </summary>
public sealed class JournalStore(Tables tables)
{
    private const string Writers = "writers";
    private const string Fence = "fence";

    /// <summary>Commit rows per partition: no partition grows without bound.</summary>
    public const int SegmentRows = 1_000;

    /// <summary>Characters of events one commit row takes (an entity holds 1 MB; a character is two bytes).</summary>
    public const int RowCharacters = 240_000;

    public async Task CommitAsync(string writer, long sequence, IReadOnlyList<JournalEntry> entries, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var row = new TableEntity(Partition(writer, sequence), Row(sequence)) { ["Count"] = entries.Count };
        ChunkedText.Write(row, "Entries", JsonSerializer.Serialize(entries, EventHash.Canonical));

        // The touch needs the fence row to exist (If-Match *), not a given ETag: commits in flight together do not conflict.
        var fence = new TableEntity(row.PartitionKey, Fence) { ["Writer"] = writer };
        try
        {
            await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, row), new(TableTransactionActionType.UpdateMerge, fence, ETag.All)], ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            throw new JournalFencedException($"journal {writer} was fenced by a sweep: commit {sequence} was not stored");
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 0)
        {
            // A sequence is written by its writer alone, once: the row is this commit's, stored by an attempt whose answer was lost.
        }
    }

    /// <summary>
    /// Opens a segment partition for a writer's commits: adds its fence row, then checks that no sweep had claimed the
    /// writer. A sweep claims first and deletes fence rows after, so either it finds this row or this check finds its claim.
    /// </summary>
    public async Task<bool> OpenSegmentAsync(string writer, long segment, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition(writer, segment * SegmentRows), Fence) { ["Writer"] = writer }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Added by an earlier attempt whose answer was lost.
        }

        return await ReadWriterAsync(writer, ct) is { Swept: false };
    }

    /// <summary>Deletes the fence row of a segment the writer has left (its commit rows are all deleted).</summary>
    public async Task CloseSegmentAsync(string writer, long segment, CancellationToken ct = default) =>
        await DeleteIfExistsAsync(await tables.JournalAsync(), Partition(writer, segment * SegmentRows), Fence, ct);

    /// <summary>Deletes every fence row of a writer (after claiming its sweep): from then on none of its commits is stored.</summary>
    public async Task FenceAsync(string writer, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {writer + "~"} and PartitionKey lt {writer + "~~"} and RowKey eq {Fence}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            await DeleteIfExistsAsync(table, row.PartitionKey, row.RowKey, ct);
        }
    }

    /// <summary>Every commit row a writer left, in order.</summary>
    public async Task<IReadOnlyList<(long Sequence, IReadOnlyList<JournalEntry> Entries)>> ReadCommitsAsync(string writer, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {writer + "~"} and PartitionKey lt {writer + "~~"} and RowKey ne {Fence}");
        var commits = new List<(long, IReadOnlyList<JournalEntry>)>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var entries = JsonSerializer.Deserialize<List<JournalEntry>>(ChunkedText.Read(row, "Entries"), EventHash.Canonical) ?? [];
            commits.Add((long.Parse(row.RowKey, System.Globalization.CultureInfo.InvariantCulture), entries));
        }

        return commits.OrderBy(c => c.Item1).ToList();
    }

    /// <summary>Deletes commit rows, a transaction per partition and hundred rows.</summary>
    public async Task DeleteCommitsAsync(string writer, IEnumerable<long> sequences, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        foreach (var partition in sequences.GroupBy(s => Partition(writer, s)))
        {
            foreach (var group in partition.Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(group.Select(s => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition.Key, Row(s)), ETag.All)), ct);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // Some were deleted already (a sweep and the writer both cleaning up): delete the rest one by one.
                    foreach (var s in group)
                    {
                        await DeleteIfExistsAsync(table, partition.Key, Row(s), ct);
                    }
                }
            }
        }
    }

    /// <summary>Registers a writer (with its silo's address) or renews its heartbeat; null when a sweep has taken its journal over (the writer must stop).</summary>
    public async Task<ETag?> BeatAsync(string writer, string silo, DateTimeOffset now, ETag? previous, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var row = new TableEntity(Writers, writer) { ["Silo"] = silo, ["Heartbeat"] = now, ["Swept"] = false };
        try
        {
            var response = previous is { } etag ? await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct) : await table.AddEntityAsync(row, ct);
            return response.Headers.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Renews a writer's heartbeat; null only when a sweep claimed or removed the writer. A beat whose answer was lost
    /// (storage slow, the client retried) changed the row's ETag as a claim would, so a refused beat reads the row to
    /// tell them apart, and beats again on the row's own ETag when no sweep has it.
    /// </summary>
    public async Task<ETag?> RenewAsync(string writer, string silo, DateTimeOffset now, ETag? previous, CancellationToken ct = default)
    {
        if (await BeatAsync(writer, silo, now, previous, ct) is { } beat)
        {
            return beat;
        }

        return await ReadWriterAsync(writer, ct) is { Swept: false } row && row.Silo == silo
            ? await BeatAsync(writer, silo, now, row.ETag, ct)
            : null;
    }

    public async Task<JournalWriter?> ReadWriterAsync(string writer, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Writers, writer, cancellationToken: ct);
        return row.HasValue && row.Value is { } found ? Writer(found) : null;
    }

    public async Task<IReadOnlyList<JournalWriter>> ListWritersAsync(CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var writers = new List<JournalWriter>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Writers}"), cancellationToken: ct))
        {
            writers.Add(Writer(row));
        }

        return writers;
    }

    /// <summary>
    /// Claims a writer's sweep for the sweeper (marks it swept, so that its next heartbeat fails); false when another
    /// silo claimed it or the writer beat since it was read. The row's ETag makes the claim one silo's.
    /// </summary>
    public async Task<bool> ClaimSweepAsync(JournalWriter writer, string sweeper, CancellationToken ct = default)
    {
        var table = await tables.JournalAsync();
        var row = new TableEntity(Writers, writer.Id) { ["Silo"] = writer.Silo, ["Heartbeat"] = writer.Heartbeat, ["Swept"] = true, ["Sweeper"] = sweeper };
        try
        {
            await table.UpdateEntityAsync(row, writer.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task DeleteWriterAsync(string writer, CancellationToken ct = default) =>
        await DeleteIfExistsAsync(await tables.JournalAsync(), Writers, writer, ct);

    private static async Task DeleteIfExistsAsync(TableClient table, string partition, string row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    private static JournalWriter Writer(TableEntity row) =>
        new(row.RowKey, row.GetString("Silo") ?? "", row.GetDateTimeOffset("Heartbeat") ?? DateTimeOffset.MinValue, row.GetBoolean("Swept") ?? false, row.GetString("Sweeper") ?? "", row.ETag);

    /// <summary>The sequence numbers from one up to (not including) another.</summary>
    public static IEnumerable<long> Sequences(long from, long below)
    {
        for (var s = from; s < below; s++)
        {
            yield return s;
        }
    }

    private static string Partition(string writer, long sequence) => $"{writer}~{sequence / SegmentRows:D8}";

    private static string Row(long sequence) => sequence.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
}
