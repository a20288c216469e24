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

    // A term's rows (bizStep, place, type, event day) are spread over this many partitions by record time; see Stored.
    private const int TermShards = 8;
    private const long ShardTicks = TimeSpan.TicksPerMillisecond * 100;

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

    /// <summary>
    /// Gives a stored event row a new record time, if it is still the row read: for an event whose capture stored the
    /// row and failed before its index rows, so that it is indexed now, above every horizon already served.
    /// </summary>
    public async Task<bool> MoveEventAsync(TableEntity stored, RepositoryEvent e, DateTimeOffset recordTime, CancellationToken ct = default)
    {
        var table = await tables.EpcisEventsAsync();
        try
        {
            await table.UpdateEntityAsync(EventRow(e, recordTime), stored.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Whether the record day's row of a stored event (the one copy of the event) is written: one point read.</summary>
    public async Task<bool> IndexedAsync(string key, DateTimeOffset recordTime, CancellationToken ct = default)
    {
        var table = await tables.EpcisIndexAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(IndexPartition.RecordDay(recordTime), IndexPartition.RowKey(recordTime, key), ["RowKey"], ct);
        return row.HasValue;
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
        var recorded = eventRow.GetDateTimeOffset("RecordTime")!.Value;
        var row = IndexPartition.RowKey(recorded, eventRow.RowKey);
        foreach (var partition in Partitions(eventRow))
        {
            await index.UpdateEntityAsync(new TableEntity(Stored(partition, recorded), row) { ["Declaration"] = declaration }, ETag.All, TableUpdateMode.Merge, ct);
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
                    if (rows.Count >= max)
                    {
                        break;
                    }
                }

                if (rows.Count >= max)
                {
                    break;
                }
            }

            return await FillAsync(rows, ct);
        }

        var cursors = new List<IAsyncEnumerator<TableEntity>>();
        try
        {
            var sources = read.Partitions.SelectMany(Stored).Select(p => Range(table, p, after, before, max, ct)).ToList();
            if (read.Days.Count > 0 && IndexPartition.Column(read.Partitions[0]) is { } column)
            {
                sources.Add(Inline(table, read.Days, column, read.Partitions, after, before, max, ct));
            }

            foreach (var source in sources)
            {
                var cursor = source.GetAsyncEnumerator(ct);
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

            return await FillAsync(rows, ct);
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

    /// <summary>An event or index row as a row of the answer; its JSON is empty unless the row holds the event (see <see cref="FillAsync"/>).</summary>
    public static IndexRow Row(TableEntity row) =>
        new(row.RowKey.Contains('|', StringComparison.Ordinal) ? IndexPartition.Read(row.RowKey).Key : row.RowKey,
            row.GetDateTimeOffset("RecordTime") ?? IndexPartition.Read(row.RowKey).RecordTime,
            row.GetString("EventId") ?? "", row.GetString("Json0") is null ? "" : ChunkedText.Read(row, "Json"), row.GetString("Owner") ?? "", row.GetString("Declaration"));

    /// <summary>Rows with the event each stands for: read from its record day's row where the row does not hold it.</summary>
    public async Task<IReadOnlyList<IndexRow>> FillAsync(IReadOnlyList<IndexRow> rows, CancellationToken ct = default)
    {
        var table = await tables.EpcisIndexAsync();
        var filled = rows.ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, filled.Length).Where(i => filled[i].Json.Length == 0), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
        {
            var row = filled[i];
            var found = await table.GetEntityIfExistsAsync<TableEntity>(IndexPartition.RecordDay(row.RecordTime), IndexPartition.RowKey(row.RecordTime, row.Key), cancellationToken: token);
            filled[i] = row with { Json = found.HasValue && found.Value is { } entity ? ChunkedText.Read(entity, "Json") : "" };
        });
        return filled.Where(r => r.Json.Length > 0).ToList();
    }

    public static IReadOnlyList<string> Partitions(TableEntity eventRow) =>
        (eventRow.GetString("Partitions") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The inline rows of record days, one day after another, whose column holds one of the partitions.</summary>
    private static async IAsyncEnumerable<TableEntity> Inline(
        TableClient table, IReadOnlyList<string> days, string column, IReadOnlyList<string> partitions, string after, string before, int max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var any = string.Join(" or ", partitions.Select(p => $"{column} eq " + TableClient.CreateQueryFilter($"{p}")));
        foreach (var day in days)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day} and RowKey gt {after} and RowKey lt {before}") + $" and ({any})";
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: ct))
            {
                yield return row;
            }
        }
    }

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
            ["Partitions"] = e.Inline ? IndexPartition.RecordDay(recordTime) : string.Join('\n', AllPartitions(e, recordTime)),
        };
        if (e.Declaration is { } declaration)
        {
            row["Declaration"] = declaration;
        }

        return row;
    }

    private static IEnumerable<TableEntity> IndexRows(RepositoryEvent e, DateTimeOffset recordTime)
    {
        var key = IndexPartition.RowKey(recordTime, e.Key);
        var day = IndexPartition.RecordDay(recordTime);
        if (e.Inline)
        {
            var inline = new TableEntity(day, key) { ["EventId"] = e.EventId, ["Owner"] = e.Owner };
            foreach (var partition in e.Partitions)
            {
                inline[IndexPartition.Column(partition)!] = partition;
            }

            ChunkedText.Write(inline, "Json", e.Json);
            yield return inline;
            yield break;
        }

        foreach (var partition in AllPartitions(e, recordTime))
        {
            var row = new TableEntity(Stored(partition, recordTime), key) { ["EventId"] = e.EventId, ["Owner"] = e.Owner };
            if (e.Declaration is { } declaration)
            {
                row["Declaration"] = declaration;
            }

            // Only the record day's row holds the event: one copy of it in storage, found from every other row by its key.
            if (partition == day)
            {
                ChunkedText.Write(row, "Json", e.Json);
            }

            yield return row;
        }
    }

    /// <summary>
    /// The table partition that holds a term partition's row of an event: one of <see cref="TermShards"/>, by the tenth
    /// of a second of its record time. A term names a large share of all events, and a partition's writes are capped
    /// (2,000 rows/s on Azure) and, on Azurite, slow with its rows (each write looks the row up among them); by time, the
    /// captures in flight together write each term into one shard and share its transaction. Identifiers, GTINs and
    /// record days stay whole.
    /// </summary>
    private static string Stored(string partition, DateTimeOffset recordTime) =>
        IndexPartition.IsTerm(partition) ? $"{partition}|{recordTime.UtcTicks / ShardTicks % TermShards}" : partition;

    /// <summary>Every table partition a query of a partition reads.</summary>
    private static IEnumerable<string> Stored(string partition) =>
        IndexPartition.IsTerm(partition) ? Enumerable.Range(0, TermShards).Select(s => $"{partition}|{s}") : [partition];

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
            // Added, not upserted: on Azurite an upsert looks the row up twice. A row already there (a retried or
            // repeated write-out) is rewritten the same, as an upsert would.
            try
            {
                if (group.Count == 1)
                {
                    await table.AddEntityAsync(group[0], token);
                }
                else
                {
                    await table.SubmitTransactionAsync(group.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), token);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                await table.SubmitTransactionAsync(group.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), token);
            }
        });
    }

    private static int Size(TableEntity row) => row.Sum(p => p.Value is string s ? s.Length : 16) + 200;
}
