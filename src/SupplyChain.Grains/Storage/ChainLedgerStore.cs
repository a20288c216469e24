using System.Text.Json;
using Azure.Data.Tables;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Chains;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// Chain ledgers in Azure Tables, a partition per chain: a row per batch on the chain (where it is), a summary row
/// (time per stage, and how many violation rows there are), and a row per movement that missed a requirement (its
/// violations). A movement writes its own rows in one transaction, so the cost of recording one does not grow with
/// the chain, and no chain outgrows a row. Violation rows are keyed newest first, so a chain reads only the newest
/// <see cref="ChainLedger.MaxViolations"/> violations; older ones stay in the table (and in the batch logs).
/// </summary>
public sealed class ChainLedgerStore(Tables tables)
{
    private const string BatchPrefix = "batch_";
    private const string ViolationPrefix = "violation_";
    private const string Summary = "summary";

    /// <summary>A chain's ledger and the number of violation rows written so far.</summary>
    public async Task<(ChainLedger Ledger, long ViolationRows)> ReadAsync(string chainId, CancellationToken ct = default)
    {
        var table = await tables.ChainLedgerAsync();
        var partition = TableKey.Escape(chainId);
        var ledger = new ChainLedger();
        long violationRows = 0;
        if (await table.GetEntityIfExistsAsync<TableEntity>(partition, Summary, cancellationToken: ct) is { HasValue: true } summary)
        {
            foreach (var (stage, times) in Json<Dictionary<string, StageTimes>>(summary.Value!.GetString("Times")))
            {
                ledger.Times[stage] = times;
            }

            violationRows = summary.Value.GetInt64("ViolationRows") ?? 0;
        }

        await foreach (var row in table.QueryAsync<TableEntity>(Range(partition, BatchPrefix), 1000, cancellationToken: ct))
        {
            ledger.Batches[row.GetString("Batch")!] = Json<BatchOnChain>(row.GetString("Place"));
        }

        // Newest first: gather rows until the newest MaxViolations are in hand, then add them oldest first.
        var newest = new List<List<ChainViolation>>();
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(Range(partition, ViolationPrefix), 100, cancellationToken: ct))
        {
            var violations = Json<List<ChainViolation>>(ChunkedText.Read(row, "Violations"));
            newest.Add(violations);
            count += violations.Count;
            if (count >= ChainLedger.MaxViolations)
            {
                break;
            }
        }

        newest.Reverse();
        ledger.AddViolations(newest.SelectMany(v => v));
        return (ledger, violationRows);
    }

    /// <summary>
    /// Writes what one movement changed, all in one transaction: the batch's row, and when needed the summary and the
    /// movement's violation row (the next after <paramref name="violationRows"/>). Returns the violation rows now.
    /// </summary>
    public async Task<long> WriteAsync(string chainId, ChainLedger ledger, ChainLedgerChange change, long violationRows, CancellationToken ct = default)
    {
        var table = await tables.ChainLedgerAsync();
        var partition = TableKey.Escape(chainId);
        var actions = new List<TableTransactionAction> { Upsert(BatchRow(partition, change.BatchKey, change.Batch)) };
        if (change.Violations.Count > 0)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ViolationRow(partition, violationRows, change.Violations)));
            violationRows++;
        }

        if (change.TimesChanged || change.Violations.Count > 0)
        {
            actions.Add(Upsert(SummaryRow(partition, ledger, violationRows)));
        }

        await table.SubmitTransactionAsync(actions, ct);
        return violationRows;
    }

    /// <summary>Writes a whole ledger (a chain's ledger as older versions kept it in the grain state); safe to repeat.</summary>
    public async Task<long> WriteAllAsync(string chainId, ChainLedger ledger, CancellationToken ct = default)
    {
        var table = await tables.ChainLedgerAsync();
        var partition = TableKey.Escape(chainId);
        foreach (var rows in ledger.Batches.Chunk(100))
        {
            await table.SubmitTransactionAsync(rows.Select(b => Upsert(BatchRow(partition, b.Key, b.Value))), ct);
        }

        long violationRows = 0;
        foreach (var violations in ledger.Violations.Chunk(100))
        {
            await table.UpsertEntityAsync(ViolationRow(partition, violationRows++, violations), TableUpdateMode.Replace, ct);
        }

        await table.UpsertEntityAsync(SummaryRow(partition, ledger, violationRows), TableUpdateMode.Replace, ct);
        return violationRows;
    }

    private static TableTransactionAction Upsert(TableEntity row) => new(TableTransactionActionType.UpsertReplace, row);

    private static TableEntity BatchRow(string partition, string batchKey, BatchOnChain place) =>
        new(partition, BatchPrefix + TableKey.Escape(batchKey)) { ["Batch"] = batchKey, ["Place"] = JsonSerializer.Serialize(place, EventHash.Canonical) };

    private static TableEntity SummaryRow(string partition, ChainLedger ledger, long violationRows) =>
        new(partition, Summary) { ["Times"] = JsonSerializer.Serialize(ledger.Times, EventHash.Canonical), ["ViolationRows"] = violationRows };

    /// <summary>Row keys count down, so that a partition query meets the newest violations first.</summary>
    private static TableEntity ViolationRow(string partition, long number, IReadOnlyList<ChainViolation> violations)
    {
        var row = new TableEntity(partition, $"{ViolationPrefix}{long.MaxValue - number:D19}");
        ChunkedText.Write(row, "Violations", JsonSerializer.Serialize(violations, EventHash.Canonical));
        return row;
    }

    /// <summary>The rows whose keys start with a prefix ending in '_' (the next character is '`').</summary>
    private static string Range(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "`"}");

    private static T Json<T>(string? json) =>
        JsonSerializer.Deserialize<T>(json ?? throw new InvalidDataException("a chain ledger row has no content"), EventHash.Canonical)
        ?? throw new InvalidDataException("a chain ledger row is empty");
}
