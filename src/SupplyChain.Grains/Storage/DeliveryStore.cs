using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using SupplyChain.Domain.Deliveries;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// Each destination's deliveries in the deliveries table, a partition per destination: its endpoint row, an outbox row
/// per delivery not yet made ("o..."), a row per delivery made ("d...", so a delivery handed over again is not
/// queued again) and a row per attempt ("l...", newest first). An attempt and its outcome are one transaction.
/// </summary>
public sealed class DeliveryStore(Tables tables)
{
    private const string Endpoint = "endpoint";

    public async Task<DeliveryEndpoint?> ReadEndpointAsync(string destination, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(destination), Endpoint, cancellationToken: ct);
        return row.HasValue && row.Value is { } e ? new DeliveryEndpoint(e.GetString("Url"), e.GetString("Secret")) : null;
    }

    public async Task SaveEndpointAsync(string destination, DeliveryEndpoint endpoint, DateTimeOffset at, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        await table.UpsertEntityAsync(new TableEntity(Partition(destination), Endpoint) { ["Url"] = endpoint.Url, ["Secret"] = endpoint.Secret, ["RegisteredAt"] = at }, TableUpdateMode.Replace, ct);
    }

    /// <summary>Puts a delivery in the outbox, due at once: false when it is there already or was made before.</summary>
    public async Task<bool> EnqueueAsync(string destination, Delivery delivery, DateTimeOffset now, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        var partition = Partition(destination);
        var made = await table.GetEntityIfExistsAsync<TableEntity>(partition, "d" + Key(delivery.DeliveryId), ["RowKey"], ct);
        if (made.HasValue)
        {
            return false;
        }

        try
        {
            await table.AddEntityAsync(Outbox(partition, new PendingDelivery(delivery, 0, now), now), ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Whether a delivery was made: one point read.</summary>
    public async Task<bool> DeliveredAsync(string destination, string deliveryId, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        return (await table.GetEntityIfExistsAsync<TableEntity>(Partition(destination), "d" + Key(deliveryId), ["RowKey"], ct)).HasValue;
    }

    /// <summary>The outbox, in the order deliveries were queued.</summary>
    public async Task<IReadOnlyList<PendingDelivery>> PendingAsync(string destination, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        var pending = new List<(DateTimeOffset Queued, PendingDelivery Pending)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(destination)} and RowKey ge 'o' and RowKey lt 'p'"), cancellationToken: ct))
        {
            var delivery = new Delivery(row.GetString("DeliveryId"), row.GetString("ContentType"), ChunkedText.Read(row, "Payload"));
            pending.Add((row.GetDateTimeOffset("QueuedAt") ?? DateTimeOffset.MinValue,
                new PendingDelivery(delivery, row.GetInt32("Failures") ?? 0, row.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue)));
        }

        return pending.OrderBy(p => p.Queued).Select(p => p.Pending).ToList();
    }

    /// <summary>Logs an attempt and, in the same transaction, takes the delivery out of the outbox (made) or sets its next try.</summary>
    public async Task RecordAsync(string destination, PendingDelivery pending, DeliveryAttempt attempt, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        var partition = Partition(destination);
        var key = Key(pending.Delivery.DeliveryId);
        var log = new TableEntity(partition, $"l{long.MaxValue - attempt.At.UtcTicks:D19}-{attempt.Attempt:D5}-{key}")
        {
            ["DeliveryId"] = attempt.DeliveryId, ["Attempt"] = attempt.Attempt, ["At"] = attempt.At,
        };
        foreach (var (name, value) in new (string, object?)[] { ("StatusCode", attempt.StatusCode), ("Error", attempt.Error), ("NextAttemptAt", attempt.NextAttemptAt) })
        {
            if (value is not null)
            {
                log[name] = value;
            }
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, log) };
        if (attempt.Delivered)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, "o" + key), ETag.All));
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, "d" + key) { ["At"] = attempt.At }));
        }
        else
        {
            var next = pending with { Failures = pending.Failures + 1, NextAttemptAt = attempt.NextAttemptAt ?? attempt.At };
            actions.Add(new(TableTransactionActionType.UpdateMerge, Outbox(partition, next, null), ETag.All));
        }

        await table.SubmitTransactionAsync(actions, ct);
    }

    /// <summary>The latest attempts, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(string destination, int max, CancellationToken ct = default)
    {
        var table = await tables.DeliveriesAsync();
        var attempts = new List<DeliveryAttempt>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(destination)} and RowKey ge 'l' and RowKey lt 'm'"), maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            attempts.Add(new DeliveryAttempt(row.GetString("DeliveryId"), row.GetInt32("Attempt") ?? 0, row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                row.GetInt32("StatusCode"), row.GetString("Error"), row.GetDateTimeOffset("NextAttemptAt")));
            if (attempts.Count >= max)
            {
                break;
            }
        }

        return attempts;
    }

    private static string Partition(string destination) => TableKey.Escape(destination);

    // Delivery ids can be long: a hash keeps row keys short and within the table's character set.
    private static string Key(string deliveryId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..40];

    private static TableEntity Outbox(string partition, PendingDelivery pending, DateTimeOffset? queuedAt)
    {
        var row = new TableEntity(partition, "o" + Key(pending.Delivery.DeliveryId))
        {
            ["DeliveryId"] = pending.Delivery.DeliveryId, ["ContentType"] = pending.Delivery.ContentType,
            ["Failures"] = pending.Failures, ["NextAttemptAt"] = pending.NextAttemptAt,
        };
        // An EPCIS query document can pass the 32K characters one property holds.
        ChunkedText.Write(row, "Payload", pending.Delivery.Payload);
        if (queuedAt is { } queued)
        {
            row["QueuedAt"] = queued;
        }

        return row;
    }
}
