using System.Globalization;
using System.Runtime.InteropServices;
using SupplyChain.Bench;
using SupplyChain.Bench.Host;
using SupplyChain.Bench.Measures;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;
using SupplyChain.Testing;

// The benchmark: starts Azurite and the Release server on free local ports, measures, prints a markdown table.
// Progress goes to stderr, the table to stdout. A measurement that fails gets its error in its row; the rest still run.
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

// Ctrl+C or SIGTERM (a CI timeout, a kill) stops the measurements; the server and Azurite are still stopped cleanly.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});

// Run in this order (reads need capture's active batches; memory fills the store last); printed by id.
var measures = new Measure[]
{
    new("1", "raw storage: single-entity inserts", RawStorage.InsertsAsync),
    new("1b", "raw storage: a checkpoint's writes", RawStorage.AppendShapedAsync),
    new("1c", "raw storage: transactions of 100 inserts", RawStorage.GroupsAsync),
    new("2", "capture: RecordCheckpoint through gRPC", Capture.RunAsync, Needs: "1"),
    new("4", "reads: GetBatch on active grains", Reads.RunAsync, Needs: "2"),
    new("3", "flat cost: early vs late appends on one batch", FlatCost.RunAsync),
    new("3b", "raw storage: early vs late writes of one batch", FlatCost.RawAsync),
    new("5", "trace: TraceBack over a 1,000-batch genealogy", Trace.RunAsync),
    new("7", "chain: batches joining a chain, early vs late", ChainCost.RunAsync),
    new("7b", "raw storage: a chain's ledger writes, early vs late", ChainCost.RawAsync),
    new("8", "lot page: GS1 Digital Link page of a lot with a 100-batch genealogy", LotPages.RunAsync),
    new("9", "EPCIS REST: capture one event and 100-event documents, query a lot, trace 61 lots", EpcisRest.RunAsync),
    // Last on the shared store: growing one partition keeps Azurite's one thread busy for half a minute.
    new("1d", "raw storage: upserts into one growing partition", RawStorage.PartitionSizeAsync),
    // A fresh Azurite and server: a store holding only the batches counted, and a server holding only them.
    new("6", "memory: server RSS with many batches active", Memory.RunAsync, Fresh: true),
    new("1'", "raw storage: single-entity inserts again", RawStorage.InsertsAgainAsync, Needs: "1"),
};
var selected = Measure.Select(measures, options.Only);

var started = DateTimeOffset.UtcNow;
Console.Error.WriteLine($"SupplyChain benchmark ({(options.Quick ? "quick" : "full")}, {options.Runs} run(s) per figure): starting Azurite and the server ...");
List<Row> rows = [];
List<CpuRow> cpu = [];
BenchHost? host = null;
try
{
    host = await BenchHost.StartAsync();
    var ctx = new BenchContext(host, options, Console.Error, stop.Token);
    ctx.Log($"server pid {host.Server.ProcessId}, Azurite pid {host.AzuritePid?.ToString(CultureInfo.InvariantCulture) ?? "not found"}");
    try
    {
        ctx.Stored = await StoredRows.ProbeAsync(host, await Producer.RegisterAsync(host));
    }
    catch (Exception ex) when (!stop.IsCancellationRequested)
    {
        ctx.Log($"could not read back a stored checkpoint: {ex.Message}");
    }

    foreach (var (id, name, run, _, fresh) in selected)
    {
        if (stop.IsCancellationRequested)
        {
            ctx.Rows.Add(new Row(id, name, "not run", Notes: "stopped by the user"));
            continue;
        }

        ctx.Log($"{id}: {name}");
        try
        {
            if (fresh)
            {
                ctx.Log("stopping the server and Azurite, starting fresh ones");
                await ctx.Host.DisposeAsync();
                host = null;
                ctx.Host = host = await BenchHost.StartAsync();
            }

            await run(ctx);
        }
        catch (Exception ex)
        {
            ctx.Log($"{id} failed: {ex}");
            ctx.Rows.Add(Row.Failed(id, name, ex));
        }
        finally
        {
            await ctx.DropScratchTablesAsync();
        }
    }

    rows = ctx.Rows;
    cpu = ctx.Cpu;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"could not start Azurite and the server: {ex}");
    rows = selected.Select(m => Row.Failed(m.Id, m.Name, ex)).ToList();
}
finally
{
    if (host is not null)
    {
        try
        {
            await host.DisposeAsync();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"stopping the server or Azurite failed: {ex.Message}");
        }
    }
}

var order = measures.Select(m => m.Id).Order(StringComparer.Ordinal).ToList();
rows = rows.OrderBy(r => order.IndexOf(r.Id)).ToList();
var azurite = await AzuriteVersionAsync();
Console.WriteLine($"## SupplyChain benchmark, {(options.Quick ? "quick" : "full")} profile, {options.Runs} run(s) per figure (median)");
Console.WriteLine();
Console.WriteLine($"{started:yyyy-MM-dd HH:mm} UTC, took {(DateTimeOffset.UtcNow - started).TotalSeconds:N0} s; {Environment.ProcessorCount} cores, " +
    $"{ProcFs.MemoryBytes() / (1024.0 * 1024 * 1024):N1} GB memory, {RuntimeInformation.FrameworkDescription}, Azurite {azurite}, server built {RepositoryPaths.Configuration}");
Console.WriteLine();
Table.Write(Console.Out, rows, cpu);
return stop.IsCancellationRequested ? 130 : 0;

static async Task<string> AzuriteVersionAsync()
{
    try
    {
        var package = Path.Combine(Path.GetDirectoryName(RepositoryPaths.Azurite)!, "..", "..", "package.json");
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(package));
        return json.RootElement.GetProperty("version").GetString() ?? "?";
    }
    catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or KeyNotFoundException or UnauthorizedAccessException)
    {
        return "?";
    }
}
