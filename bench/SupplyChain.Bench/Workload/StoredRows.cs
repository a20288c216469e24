using Azure.Data.Tables;
using SupplyChain.Bench.Host;

namespace SupplyChain.Bench.Workload;

/// <summary>
/// The rows the server stored for one real checkpoint (event row, head row) and an index row, read back from Azurite,
/// so that the raw storage measurements write entities of exactly the size and shape the service writes.
/// </summary>
public sealed record StoredRows(TableEntity Event, TableEntity Head, TableEntity Index)
{
    // The server's default table prefix is "supplychain"; BenchHost does not change it.
    public const string LogTable = "supplychainbatchlog";
    private const string IndexTable = "supplychainbatchindex";

    /// <summary>Creates a batch, records one checkpoint on it and reads what was stored.</summary>
    public static async Task<StoredRows> ProbeAsync(BenchHost host, Producer producer)
    {
        var lot = Gs1Keys.Lot();
        // Verifying after each event writes it out of the journal into a row of its own: the shape of a single event's row.
        await producer.CreateBatchAsync(lot);
        await host.Traces.VerifyBatchAsync(new SupplyChain.V1.VerifyBatchRequest { Gtin = producer.Gtin13, Lot = lot }, deadline: BenchHost.Deadline);
        await producer.RecordCheckpointAsync(lot);
        await host.Traces.VerifyBatchAsync(new SupplyChain.V1.VerifyBatchRequest { Gtin = producer.Gtin13, Lot = lot }, deadline: BenchHost.Deadline);
        var service = new TableServiceClient(host.Azurite.ConnectionString);
        var rows = new List<TableEntity>();
        await foreach (var row in service.GetTableClient(LogTable).QueryAsync<TableEntity>(maxPerPage: 100))
        {
            rows.Add(row);
        }

        // The event row sits in its event partition ("{batch}~00000000"), the head row in the batch's own.
        var eventRow = rows.FirstOrDefault(r => r.RowKey == "e000000000002")
            ?? throw new InvalidOperationException($"the checkpoint's event row (version 2) is not in {LogTable}: has the log's layout changed?");
        var batchPartition = eventRow.PartitionKey[..eventRow.PartitionKey.LastIndexOf('~')];
        var head = rows.Single(r => r.PartitionKey == batchPartition && r.RowKey == "h");
        TableEntity? index = null;
        await foreach (var row in service.GetTableClient(IndexTable).QueryAsync<TableEntity>(maxPerPage: 10))
        {
            index = row;
            break;
        }

        return new StoredRows(eventRow, head, index ?? throw new InvalidOperationException($"no row in {IndexTable}"));
    }

    /// <summary>Size of an entity's properties as UTF-16 text, roughly what it weighs on the wire.</summary>
    public static int Characters(TableEntity entity) =>
        entity.Where(p => p.Key is not ("odata.etag" or "Timestamp")).Sum(p => p.Key.Length + (p.Value?.ToString()?.Length ?? 0));

    /// <summary>A copy of <paramref name="template"/>'s properties under new keys.</summary>
    public static TableEntity Copy(TableEntity template, string partition, string row)
    {
        var copy = new TableEntity(partition, row);
        foreach (var (key, value) in template)
        {
            if (key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                copy[key] = value;
            }
        }

        return copy;
    }
}
