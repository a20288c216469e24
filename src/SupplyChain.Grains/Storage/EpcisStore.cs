using Azure;
using Azure.Data.Tables;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Epcis.Repository;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// The EPCIS repository's tables: an event row per event (partition: the first character of its key; row: the key),
/// and covering index rows (partition: <see cref="IndexPartition"/>; row: record time and key) that hold the event
/// whole, so a query answers from the rows it reads.
/// </summary>
public sealed class EpcisStore(Tables tables)
{
    private const int TransactionRows = 100;

    // No index partition starts with '~': the watermarks sort after every index.
    private const string Watermarks = "~watermarks";

    // A transaction carries at most 4 MiB: keep well under it, counting a character as up to two bytes.
    private const int TransactionCharacters = 1_500_000;

    /// <summary>The stored event rows of these keys (those that exist).</summary>
    public async Task<IReadOnlyDictionary<string, TableEntity>> ReadEventsAsync(IEnumerable<string> keys, CancellationToken ct = default)
    {
        var table = await tables.EpcisEventsAsync();
        var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(keys.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (key, token) =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(EventKey.Partition(key), key, cancellationToken: token);
            if (row.HasValue && row.Value is { } entity)
            {
                lock (found)
                {
                    found[key] = entity;
                }
            }
        });
        return found;
    }

    /// <summary>Adds an event's row; false when a row with its key is stored already.</summary>
    public async Task<bool> AddEventAsync(RepositoryEvent e, DateTimeOffset recordTime, CancellationToken ct = default)
    {
        var table = await tables.EpcisEventsAsync();
        try
        {
            await table.AddEntityAsync(EventRow(e, recordTime), ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Writes (or rewrites, the same) event rows of events the batches recorded, a transaction per partition.</summary>
    public async Task UpsertEventsAsync(IEnumerable<(RepositoryEvent Event, DateTimeOffset RecordTime)> events, CancellationToken ct = default) =>
        await SubmitAsync(await tables.EpcisEventsAsync(), events.Select(e => EventRow(e.Event, e.RecordTime)), ct);

    /// <summary>Writes every index row of the events, grouped by partition across all of them.</summary>
    public async Task WriteIndexAsync(IEnumerable<(RepositoryEvent Event, DateTimeOffset RecordTime)> events, CancellationToken ct = default) =>
        await SubmitAsync(await tables.EpcisIndexAsync(), events.SelectMany(e => IndexRows(e.Event, e.RecordTime)), ct);

    /// <summary>Marks a stored event declared in error: its event row and every index row carry the declaration.</summary>
    public async Task DeclareAsync(TableEntity eventRow, string declaration, CancellationToken ct = default)
    {
        var events = await tables.EpcisEventsAsync();
        await events.UpdateEntityAsync(new TableEntity(eventRow.PartitionKey, eventRow.RowKey) { ["Declaration"] = declaration }, ETag.All, TableUpdateMode.Merge, ct);
        var index = await tables.EpcisIndexAsync();
        var row = IndexPartition.RowKey(eventRow.GetDateTimeOffset("RecordTime")!.Value, eventRow.RowKey);
        foreach (var partition in Partitions(eventRow))
        {
            await index.UpdateEntityAsync(new TableEntity(partition, row) { ["Declaration"] = declaration }, ETag.All, TableUpdateMode.Merge, ct);
        }
    }

    /// <summary>
    /// Up to max rows strictly between two row keys, from the partitions merged in row-key order (an event in two of
    /// them once); consecutive partitions are read one after another, others side by side.
    /// </summary>
    public async Task<IReadOnlyList<IndexRow>> ReadAsync(IndexRead read, string after, string before, int max, CancellationToken ct = default)
    {
        var table = await tables.EpcisIndexAsync();
        var rows = new List<IndexRow>();
        if (read.Consecutive)
        {
            foreach (var partition in read.Partitions)
            {
                await foreach (var row in Range(table, partition, after, before, max - rows.Count, ct))
                {
                    rows.Add(Row(row));
                }

                if (rows.Count >= max)
                {
                    break;
                }
            }

            return rows;
        }

        var cursors = new List<IAsyncEnumerator<TableEntity>>();
        try
        {
            foreach (var partition in read.Partitions)
            {
                var cursor = Range(table, partition, after, before, max, ct).GetAsyncEnumerator(ct);
                if (await cursor.MoveNextAsync())
                {
                    cursors.Add(cursor);
                }
                else
                {
                    await cursor.DisposeAsync();
                }
            }

            var last = "";
            while (rows.Count < max && cursors.Count > 0)
            {
                var next = cursors.MinBy(c => c.Current.RowKey, StringComparer.Ordinal)!;
                if (next.Current.RowKey != last)
                {
                    rows.Add(Row(next.Current));
                    last = next.Current.RowKey;
                }

                if (!await next.MoveNextAsync())
                {
                    cursors.Remove(next);
                    await next.DisposeAsync();
                }
            }

            return rows;
        }
        finally
        {
            foreach (var cursor in cursors)
            {
                await cursor.DisposeAsync();
            }
        }
    }

    /// <summary>Stores a journal writer's watermark: every event it gave a record time below this is in the indexes.</summary>
    public async Task WriteWatermarkAsync(string writer, DateTimeOffset watermark, CancellationToken ct = default) =>
        await (await tables.EpcisIndexAsync()).UpsertEntityAsync(new TableEntity(Watermarks, writer) { ["Watermark"] = watermark }, TableUpdateMode.Replace, ct);

    /// <summary>Every writer's watermark, by writer id.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadWatermarksAsync(CancellationToken ct = default)
    {
        var table = await tables.EpcisIndexAsync();
        var marks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Watermarks}"), cancellationToken: ct))
        {
            marks[row.RowKey] = row.GetDateTimeOffset("Watermark") ?? DateTimeOffset.MinValue;
        }

        return marks;
    }

    public async Task DeleteWatermarkAsync(string writer, CancellationToken ct = default)
    {
        try
        {
            await (await tables.EpcisIndexAsync()).DeleteEntityAsync(Watermarks, writer, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    /// <summary>An event row as a row of the answer.</summary>
    public static IndexRow Row(TableEntity eventRow) =>
        new(eventRow.RowKey.Contains('|', StringComparison.Ordinal) ? IndexPartition.Read(eventRow.RowKey).Key : eventRow.RowKey,
            eventRow.GetDateTimeOffset("RecordTime") ?? IndexPartition.Read(eventRow.RowKey).RecordTime,
            eventRow.GetString("EventId") ?? "", ChunkedText.Read(eventRow, "Json"), eventRow.GetString("Owner") ?? "", eventRow.GetString("Declaration"));

    public static IReadOnlyList<string> Partitions(TableEntity eventRow) =>
        (eventRow.GetString("Partitions") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static IAsyncEnumerable<TableEntity> Range(TableClient table, string partition, string after, string before, int max, CancellationToken ct) =>
        table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {before}"),
            maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: ct);

    private static TableEntity EventRow(RepositoryEvent e, DateTimeOffset recordTime)
    {
        var row = new TableEntity(EventKey.Partition(e.Key), e.Key)
        {
            ["EventId"] = e.EventId,
            ["Fingerprint"] = e.Fingerprint,
            ["RecordTime"] = recordTime,
            ["Owner"] = e.Owner,
            ["Partitions"] = string.Join('\n', AllPartitions(e, recordTime)),
        };
        if (e.Declaration is { } declaration)
        {
            row["Declaration"] = declaration;
        }

        ChunkedText.Write(row, "Json", e.Json);
        return row;
    }

    private static IEnumerable<TableEntity> IndexRows(RepositoryEvent e, DateTimeOffset recordTime)
    {
        var key = IndexPartition.RowKey(recordTime, e.Key);
        foreach (var partition in AllPartitions(e, recordTime))
        {
            var row = new TableEntity(partition, key) { ["EventId"] = e.EventId, ["Owner"] = e.Owner };
            if (e.Declaration is { } declaration)
            {
                row["Declaration"] = declaration;
            }

            ChunkedText.Write(row, "Json", e.Json);
            yield return row;
        }
    }

    private static IEnumerable<string> AllPartitions(RepositoryEvent e, DateTimeOffset recordTime) =>
        e.Partitions.Prepend(IndexPartition.RecordDay(recordTime));

    private static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        var transactions = new List<List<TableEntity>>();
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            var current = new List<TableEntity>();
            var characters = 0;
            // One row per key in a transaction: the last written wins, as it would one by one.
            foreach (var row in partition.GroupBy(r => r.RowKey).Select(g => g.Last()))
            {
                var size = Size(row);
                if (current.Count == TransactionRows || (current.Count > 0 && characters + size > TransactionCharacters))
                {
                    transactions.Add(current);
                    (current, characters) = ([], 0);
                }

                current.Add(row);
                characters += size;
            }

            transactions.Add(current);
        }

        await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (group, token) =>
        {
            if (group.Count == 1)
            {
                await table.UpsertEntityAsync(group[0], TableUpdateMode.Replace, token);
            }
            else
            {
                await table.SubmitTransactionAsync(group.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token);
            }
        });
    }

    private static int Size(TableEntity row) => row.Sum(p => p.Value is string s ? s.Length : 16) + 200;
}
