using Azure;
using Azure.Data.Tables;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// Per-participant batch lists in Azure Tables: a partition per participant and list, a row per batch.
/// Listing reads one partition page by page; nothing scans all batches.
/// </summary>
public sealed class BatchIndexStore(Tables tables)
{
    public async Task AddAsync(Gln participant, BatchListing listing, BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchIndexAsync();
        await table.UpsertEntityAsync(new TableEntity(Partition(participant, listing), TableKey.Escape(batch.Key)) { ["Batch"] = batch.Key }, TableUpdateMode.Replace, ct);
    }

    public async Task RemoveAsync(Gln participant, BatchListing listing, BatchRef batch, CancellationToken ct = default)
    {
        var table = await tables.BatchIndexAsync();
        await table.DeleteEntityAsync(Partition(participant, listing), TableKey.Escape(batch.Key), ETag.All, ct);
    }

    /// <summary>One page of a list and the token for the next, null at the end; a token not issued for this list is refused.</summary>
    public async Task<(IReadOnlyList<BatchRef> Batches, string? Next)> ListAsync(Gln participant, BatchListing listing, int pageSize, string? token, CancellationToken ct = default)
    {
        var partition = Partition(participant, listing);
        var continuation = string.IsNullOrEmpty(token) ? null : BatchPageToken.Read(token, partition);
        var table = await tables.BatchIndexAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, ["Batch"], ct).AsPages(continuation, pageSize))
        {
            var batches = page.Values.Select(row => BatchRef.FromKey(row.GetString("Batch")!)).ToList();
            return (batches, page.ContinuationToken is { Length: > 0 } next ? BatchPageToken.Issue(partition, next) : null);
        }

        return ([], null);
    }

    private static string Partition(Gln participant, BatchListing listing) =>
        $"{participant.Value}-{listing.ToString().ToLowerInvariant()}";
}
