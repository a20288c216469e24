namespace SupplyChain.Bench.Report;

/// <summary>One line of the results table.</summary>
public sealed record Row(string Id, string Measure, string Result, string Latency = "", string Target = "", string Met = "", string Notes = "")
{
    /// <summary>A measurement that could not be made: the table still gets its line, with the reason.</summary>
    public static Row Failed(string id, string measure, Exception ex) =>
        new(id, measure, "error", Notes: Text.Cell($"{ex.GetType().Name}: {ex.Message}"));
}

/// <summary>Where the CPU went during one measurement: each process's share of one core, and per call.</summary>
public sealed record CpuRow(string Measure, double ServerPercent, double AzuritePercent, double BenchPercent, double OthersPercent, double ServerMsPerCall, double AzuriteMsPerCall);
