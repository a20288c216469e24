using Microsoft.Extensions.Logging;

namespace SupplyChain.Grains.Storage;

/// <summary>The journal's background work: a step every period until stopped, a failed step logged and tried next time.</summary>
internal static class Periodic
{
    public static async Task RunAsync(TimeProvider clock, ILogger logger, string writer, TimeSpan period, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await work(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Journal {Writer}: {Work} failed", writer, work.Method.Name);
            }
        }
    }
}
