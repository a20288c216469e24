using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace SupplyChain.Grains.Storage;

/// <summary>The service's own Azure tables, created on first use.</summary>
public sealed class Tables(IOptions<StorageOptions> options)
{
    private readonly TableServiceClient _service = StorageOptions.Client(options.Value.ConnectionString);
    private readonly Dictionary<string, Lazy<Task<TableClient>>> _tables = [];

    /// <summary>The table that holds one partition per batch: head row and event partitions.</summary>
    public Task<TableClient> BatchLogAsync() => GetAsync("batchlog");

    /// <summary>The table of journal commits: events stored before they are written out to their batches' logs.</summary>
    public Task<TableClient> JournalAsync() => GetAsync("journal");

    /// <summary>The table of per-participant batch lists.</summary>
    public Task<TableClient> BatchIndexAsync() => GetAsync("batchindex");

    /// <summary>The table of chain ledgers: a partition per chain, a row per batch on it.</summary>
    public Task<TableClient> ChainLedgerAsync() => GetAsync("chainledger");

    /// <summary>The table of alert logs: a partition per audience, a row per alert.</summary>
    public Task<TableClient> AlertLogAsync() => GetAsync("alertlog");

    /// <summary>The table of deliveries: a partition per destination with its endpoint, outbox and attempt log.</summary>
    public Task<TableClient> DeliveriesAsync() => GetAsync("deliveries");

    /// <summary>The EPCIS repository's events, one row each, keyed by event key.</summary>
    public Task<TableClient> EpcisEventsAsync() => GetAsync("epcisevent");

    /// <summary>The EPCIS repository's index rows: a partition per thing a query asks for, rows in record-time order.</summary>
    public Task<TableClient> EpcisIndexAsync() => GetAsync("epcisindex");

    private Task<TableClient> GetAsync(string name)
    {
        Lazy<Task<TableClient>> table;
        lock (_tables)
        {
            if (!_tables.TryGetValue(name, out table!))
            {
                table = new Lazy<Task<TableClient>>(() => CreateAsync(options.Value.TablePrefix + name));
                _tables[name] = table;
            }
        }

        return table.Value;
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = _service.GetTableClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
