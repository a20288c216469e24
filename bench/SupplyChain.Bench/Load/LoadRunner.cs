using System.Diagnostics;

namespace SupplyChain.Bench.Load;

/// <summary>
/// Runs a fixed number of calls from a fixed number of concurrent clients, each client taking the next call number
/// as soon as its previous call returns. Bounded twice: by the count and by a time limit.
/// </summary>
public static class LoadRunner
{
    /// <summary>Calls <paramref name="call"/> with numbers 0 to count-1 from <paramref name="concurrency"/> clients.</summary>
    public static async Task<LoadResult> RunAsync(int count, int concurrency, Func<int, Task> call, TimeSpan limit, CpuMeter cpu, CancellationToken ct)
    {
        var latencies = new double[count];
        Array.Fill(latencies, double.NaN);
        var next = -1;
        var failed = 0;
        string? firstError = null;
        var stoppedAtLimit = false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);

        async Task ClientAsync()
        {
            while (true)
            {
                if (deadline.IsCancellationRequested)
                {
                    stoppedAtLimit = !ct.IsCancellationRequested;
                    return;
                }

                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call(i);
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
            }
        }

        var before = cpu.Sample();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(ClientAsync, CancellationToken.None)));
        clock.Stop();
        var used = cpu.Sample() - before;
        ct.ThrowIfCancellationRequested();
        return new LoadResult(failed, clock.Elapsed, latencies, firstError, stoppedAtLimit, used with { Wall = clock.Elapsed });
    }
}
