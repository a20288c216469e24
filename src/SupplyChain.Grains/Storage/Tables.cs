using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace SupplyChain.Grains.Storage;

/// <summary>The service's own Azure tables, created on first use.</summary>
public sealed class Tables(IOptions<StorageOptions> options)
{
    private readonly TableServiceClient _service = StorageOptions.Client(options.Value.ConnectionString);
    private readonly Dictionary<string, Lazy<Task<TableClient>>> _tables = [];

    /// <summary>How often the batch log's head row is rewritten (see <see cref="StorageOptions.HeadEvery"/>).</summary>
    public int HeadEvery { get; } = Math.Max(1, options.Value.HeadEvery);

    /// <summary>The table that holds one partition per batch: head row, event rows, event-id rows.</summary>
    public Task<TableClient> BatchLogAsync() => GetAsync("batchlog");

    /// <summary>The table of per-participant batch lists.</summary>
    public Task<TableClient> BatchIndexAsync() => GetAsync("batchindex");

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
