using Azure;
using Azure.Data.Tables;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// Each audience's alert log in the alertlog table, a partition per audience: a head row (the last id, acknowledged
/// through which id), a row per alert keyed by its id, and a row per alert identity naming its id. An alert is stored
/// with its identity row and the head in one transaction, so an alert raised again is stored once and ids have no gaps.
/// </summary>
public sealed class AlertLogStore(Tables tables)
{
    private const string Head = "head";

    // Alert rows sort before identity rows ("k...") and the head row.
    private const string EntriesEnd = "b";

    public async Task<AlertLogHead> ReadHeadAsync(string audience, CancellationToken ct = default)
    {
        var table = await tables.AlertLogAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(audience), Head, cancellationToken: ct);
        return row.HasValue && row.Value is { } head
            ? new AlertLogHead(head.GetInt64("LastId") ?? 0, head.GetInt64("AcknowledgedThrough") ?? 0, head.ETag)
            : new AlertLogHead(0, 0, null);
    }

    /// <summary>
    /// Stores an alert as the next id, if the head is still <paramref name="head"/>: the head after it, or null when the
    /// alert's identity is stored already. A head changed meanwhile throws <see cref="RequestFailedException"/> (409 or 412).
    /// </summary>
    public async Task<AlertLogHead?> AppendAsync(string audience, AlertLogHead head, Alert alert, CancellationToken ct = default)
    {
        var table = await tables.AlertLogAsync();
        var partition = Partition(audience);
        var id = head.LastId + 1;
        var headRow = new TableEntity(partition, Head) { ["LastId"] = id, ["AcknowledgedThrough"] = head.AcknowledgedThrough };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity(partition, IdentityRow(alert.AlertId)) { ["Id"] = id }),
            new(TableTransactionActionType.Add, Entry(partition, id, alert)),
            head.ETag is { } etag ? new(TableTransactionActionType.UpdateReplace, headRow, etag) : new(TableTransactionActionType.Add, headRow),
        };
        Response<IReadOnlyList<Response>> stored;
        try
        {
            stored = await table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 0)
        {
            return null;
        }

        return stored.Value.Count == actions.Count && stored.Value[2].Headers.ETag is { } written
            ? head with { LastId = id, ETag = written }
            : await ReadHeadAsync(audience, ct);
    }

    /// <summary>The id an alert identity was stored under, or null.</summary>
    public async Task<AlertEntry?> FindAsync(string audience, string alertId, long acknowledgedThrough, CancellationToken ct = default)
    {
        var table = await tables.AlertLogAsync();
        var identity = await table.GetEntityIfExistsAsync<TableEntity>(Partition(audience), IdentityRow(alertId), cancellationToken: ct);
        if (!identity.HasValue || identity.Value?.GetInt64("Id") is not { } id)
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(audience), EntryRow(id), cancellationToken: ct);
        return row.HasValue && row.Value is { } entry ? Read(entry, acknowledgedThrough) : null;
    }

    /// <summary>The first stored alert of a kind about a batch, or null.</summary>
    public async Task<AlertEntry?> FindAboutAsync(string audience, BatchRef batch, AlertKind kind, long acknowledgedThrough, CancellationToken ct = default)
    {
        var table = await tables.AlertLogAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(audience)} and RowKey lt {EntriesEnd} and Batch eq {batch.Key} and Kind eq {(int)kind}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            return Read(row, acknowledgedThrough);
        }

        return null;
    }

    /// <summary>Alerts after an id, oldest first, at most <paramref name="max"/>; only those not acknowledged when <paramref name="unreadOnly"/>.</summary>
    public async Task<IReadOnlyList<AlertEntry>> ReadAsync(string audience, long after, int max, bool unreadOnly, long acknowledgedThrough, CancellationToken ct = default)
    {
        var table = await tables.AlertLogAsync();
        var from = unreadOnly ? Math.Max(after, acknowledgedThrough) : after;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(audience)} and RowKey gt {EntryRow(from)} and RowKey lt {EntriesEnd}");
        if (unreadOnly)
        {
            filter += " and Acknowledged eq false";
        }

        var entries = new List<AlertEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            entries.Add(Read(row, acknowledgedThrough));
            if (entries.Count >= max)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>Marks alerts acknowledged: the head's mark up to an id (if the head is as read), then each id listed. The head after it.</summary>
    public async Task<AlertLogHead> AcknowledgeAsync(string audience, AlertLogHead head, AlertAcknowledgement acknowledgement, CancellationToken ct = default)
    {
        var table = await tables.AlertLogAsync();
        var partition = Partition(audience);
        if (acknowledgement.Through > head.AcknowledgedThrough && head.ETag is { } etag)
        {
            var row = new TableEntity(partition, Head) { ["LastId"] = head.LastId, ["AcknowledgedThrough"] = acknowledgement.Through };
            var written = await table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, ct);
            head = head with { AcknowledgedThrough = acknowledgement.Through, ETag = written.Headers.ETag };
        }

        foreach (var chunk in acknowledgement.Ids.Where(id => id > head.AcknowledgedThrough).Chunk(100))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, EntryRow(id)) { ["Acknowledged"] = true }, ETag.All)), ct);
        }

        return head;
    }

    public static string Partition(string audience) => TableKey.Escape(audience);

    private static string EntryRow(long id) => $"a{id:D19}";

    private static string IdentityRow(string alertId) => "k" + TableKey.Escape(alertId);

    private static TableEntity Entry(string partition, long id, Alert alert) => new(partition, EntryRow(id))
    {
        ["Id"] = id,
        ["AlertId"] = alert.AlertId,
        ["Kind"] = (int)alert.Kind,
        ["Batch"] = alert.Batch.Key,
        ["Version"] = alert.Version,
        ["At"] = alert.At,
        ["Custodian"] = alert.Custodian.Value,
        ["PendingReceiver"] = alert.PendingReceiver?.Value ?? "",
        ["Producer"] = alert.Producer.Value,
        ["ChainId"] = alert.ChainId ?? "",
        ["Message"] = alert.Message,
        ["Acknowledged"] = false,
    };

    private static AlertEntry Read(TableEntity row, long acknowledgedThrough)
    {
        var id = row.GetInt64("Id") ?? 0;
        var alert = new Alert(
            row.GetString("AlertId"), (AlertKind)(row.GetInt32("Kind") ?? 0), BatchRef.FromKey(row.GetString("Batch")), row.GetInt64("Version") ?? 0,
            row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, new Gln(row.GetString("Custodian")),
            row.GetString("PendingReceiver") is { Length: > 0 } receiver ? new Gln(receiver) : null, new Gln(row.GetString("Producer")),
            row.GetString("ChainId") is { Length: > 0 } chain ? chain : null, row.GetString("Message"));
        return new AlertEntry(id, alert, id <= acknowledgedThrough || row.GetBoolean("Acknowledged") == true);
    }
}
