using System.Diagnostics;
using SupplyChain.Bench.Host;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench;

/// <summary>What the measurements share: the processes, the options, the rows so far and what earlier measurements left behind.</summary>
public sealed class BenchContext(BenchHost host, BenchOptions options, TextWriter log, CancellationToken cancellation)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Azurite and the server; the memory measurement gets a fresh pair.</summary>
    public BenchHost Host { get; set; } = host;

    /// <summary>
    /// Tables the raw measurements wrote, dropped after each measurement: Azurite saves its whole store every five
    /// seconds on its one thread, so rows left behind would slow every later measurement.
    /// </summary>
    public List<Azure.Data.Tables.TableClient> ScratchTables { get; } = [];

    public BenchOptions Options { get; } = options;

    public CancellationToken Cancellation { get; } = cancellation;

    public List<Row> Rows { get; } = [];

    public List<CpuRow> Cpu { get; } = [];

    /// <summary>The rows one real checkpoint stored, once probed.</summary>
    public StoredRows? Stored { get; set; }

    /// <summary>Single-entity inserts/s measured by row 1, for the capture ratio.</summary>
    public double? RawInsertRate { get; set; }

    /// <summary>The capture measurement's producer and batches, active in the server, for the read measurement.</summary>
    public Producers? CaptureBatches { get; set; }

    public void Log(string message) => log.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    /// <summary>A bounded load run with the options' time limit.</summary>
    public Task<LoadResult> LoadAsync(int count, int concurrency, Func<int, Task> call) =>
        LoadRunner.RunAsync(count, concurrency, call, Options.RunLimit, Host.Cpu, Cancellation);

    /// <summary>Calls for a while before measuring, so that the server's code is compiled and tiered up and caches are warm.</summary>
    public async Task WarmUpAsync(string what, Func<int, Task> call, int concurrency)
    {
        var duration = Options.Quick ? TimeSpan.FromSeconds(1.5) : TimeSpan.FromSeconds(8);
        var result = await LoadRunner.RunAsync(1_000_000, concurrency, call, duration, Host.Cpu, Cancellation);
        Log($"{what} warm-up: {result.Completed:N0} calls in {result.Elapsed.TotalSeconds:N1} s" + (result.Failed > 0 ? $"; {result.Problem}" : ""));
        if (result.Completed == 0)
        {
            throw new InvalidOperationException($"{what}: no call succeeded while warming up; {result.Problem}");
        }
    }

    /// <summary>Runs a load <see cref="BenchOptions.Runs"/> times and logs each run.</summary>
    public async Task<IReadOnlyList<LoadResult>> RunsAsync(string what, Func<int, Task<LoadResult>> run)
    {
        var results = new List<LoadResult>();
        for (var r = 0; r < Options.Runs; r++)
        {
            var result = await run(r);
            Log($"{what}, run {r + 1}/{Options.Runs}: {Text.Rate(result.Rate)}, p50 {Text.Ms(result.Percentile(50))}, p99 {Text.Ms(result.Percentile(99))}" +
                $", CPU server {Text.Percent(CpuSample.Percent(result.Cpu.Server, result.Cpu.Wall))} Azurite {Text.Percent(CpuSample.Percent(result.Cpu.Azurite, result.Cpu.Wall))}" +
                $" bench {Text.Percent(CpuSample.Percent(result.Cpu.Bench, result.Cpu.Wall))} others {Text.Percent(CpuSample.Percent(result.Cpu.Others, result.Cpu.Wall))}" +
                (result.Problem is { } p ? $"; {p}" : ""));
            results.Add(result);
        }

        return results;
    }

    /// <summary>Records where the CPU went over the runs of one measurement (medians).</summary>
    public void AddCpu(string measure, IReadOnlyList<LoadResult> runs, int callsPerLoadCall = 1) =>
        Cpu.Add(new CpuRow(
            measure,
            Stats.Median(runs.Select(r => CpuSample.Percent(r.Cpu.Server, r.Cpu.Wall))),
            Stats.Median(runs.Select(r => CpuSample.Percent(r.Cpu.Azurite, r.Cpu.Wall))),
            Stats.Median(runs.Select(r => CpuSample.Percent(r.Cpu.Bench, r.Cpu.Wall))),
            Stats.Median(runs.Select(r => CpuSample.Percent(r.Cpu.Others, r.Cpu.Wall))),
            Stats.Median(runs.Select(r => r.Completed == 0 ? double.NaN : r.Cpu.Server.TotalMilliseconds / (r.Completed * callsPerLoadCall))),
            Stats.Median(runs.Select(r => r.Completed == 0 ? double.NaN : r.Cpu.Azurite.TotalMilliseconds / (r.Completed * callsPerLoadCall)))));

    /// <summary>Drops the tables the last measurement wrote for itself.</summary>
    public async Task DropScratchTablesAsync()
    {
        foreach (var table in ScratchTables)
        {
            try
            {
                await table.DeleteAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Cleaning up must not fail the run: the next measurement just finds a larger store.
                Log($"could not drop table {table.Name}: {ex.Message}");
            }
        }

        ScratchTables.Clear();
    }

    /// <summary>Median p50 / median p99 over the runs.</summary>
    public static string Latency(IReadOnlyList<LoadResult> runs) =>
        $"{Text.Ms(Stats.Median(runs.Select(r => r.Percentile(50))))} / {Text.Ms(Stats.Median(runs.Select(r => r.Percentile(99))))}";

    /// <summary>The first problem any run had, for a note.</summary>
    public static string Problems(IEnumerable<LoadResult> runs) =>
        runs.Select(r => r.Problem).FirstOrDefault(p => p is not null) is { } problem ? "; " + problem : "";
}
