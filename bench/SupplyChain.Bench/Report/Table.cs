namespace SupplyChain.Bench.Report;

/// <summary>The results as markdown: the figures, then where the CPU went.</summary>
public static class Table
{
    public static void Write(TextWriter output, IReadOnlyList<Row> rows, IReadOnlyList<CpuRow> cpu)
    {
        output.WriteLine("| # | measure | result | latency p50 / p99 | target | met | notes |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            output.WriteLine($"| {r.Id} | {Text.Cell(r.Measure)} | {Text.Cell(r.Result)} | {Text.Cell(r.Latency)} | {Text.Cell(r.Target)} | {r.Met} | {Text.Cell(r.Notes)} |");
        }

        if (cpu.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"CPU during each measurement, median of the runs, as a share of one core (this machine has {Environment.ProcessorCount}). " +
            "'Everything else' is the machine's busy time not spent in the three processes: other work on the machine and the kernel; " +
            "when it is large, the figures above were measured on a busy machine.");
        output.WriteLine();
        output.WriteLine("| measure | server | Azurite | benchmark client | everything else | server CPU per call | Azurite CPU per call |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var c in cpu)
        {
            output.WriteLine($"| {c.Measure} | {Text.Percent(c.ServerPercent)} | {Text.Percent(c.AzuritePercent)} | {Text.Percent(c.BenchPercent)} | {Text.Percent(c.OthersPercent)} | {Text.Ms(c.ServerMsPerCall)} | {Text.Ms(c.AzuriteMsPerCall)} |");
        }
    }
}
