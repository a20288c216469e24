namespace SupplyChain.Bench.Load;

/// <summary>What one bounded load run did: each call's latency by call number (NaN when it failed or never ran), failures, time, CPU.</summary>
public sealed record LoadResult(int Failed, TimeSpan Elapsed, double[] LatencyByCall, string? FirstError, bool StoppedAtLimit, CpuSample Cpu)
{
    /// <summary>Latencies of the calls that succeeded, in milliseconds.</summary>
    public double[] LatenciesMs { get; } = LatencyByCall.Where(l => !double.IsNaN(l)).ToArray();

    public int Completed => LatenciesMs.Length;

    /// <summary>Successful calls per second of wall time.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Completed / Elapsed.TotalSeconds : 0;

    public double Percentile(double p) => Stats.Percentile(LatenciesMs, p);

    /// <summary>Runs one after another as one: latencies in order, failures, time and CPU added up.</summary>
    public static LoadResult Join(params LoadResult[] runs) =>
        new(
            runs.Sum(r => r.Failed),
            runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed),
            [.. runs.SelectMany(r => r.LatencyByCall)],
            runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
            runs.Any(r => r.StoppedAtLimit),
            runs.Skip(1).Aggregate(runs[0].Cpu, (sum, r) => sum + r.Cpu));

    /// <summary>What went wrong, for a table note; null when every call succeeded within the limit.</summary>
    public string? Problem =>
        (Failed, StoppedAtLimit) switch
        {
            (0, false) => null,
            (0, true) => $"stopped at the time limit after {Completed:N0} calls",
            _ => $"{Failed:N0} of {Completed + Failed:N0} calls failed{(StoppedAtLimit ? ", stopped at the time limit" : "")}; first: {FirstError}",
        };
}
