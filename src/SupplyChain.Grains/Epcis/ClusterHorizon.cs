using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Epcis;

/// <summary>
/// The horizon across silos: the lowest of this silo's record clock and the watermark of every other journal writer
/// still registered (alive, or dead and not yet swept: its sweep indexes what it left, then removes it). A writer
/// with no watermark yet holds the horizon at the start of time until it stores one. Read at most once a second.
/// </summary>
public sealed class ClusterHorizon(EpcisStore store, JournalStore journal, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(1);

    private volatile Others? _others;

    /// <summary>The horizon, given this silo's own and its writer's id.</summary>
    public async Task<DateTimeOffset> OfAsync(DateTimeOffset local, string writer)
    {
        var now = clock.GetUtcNow();
        var others = _others;
        if (others is null || now - others.At > Fresh)
        {
            var writers = await journal.ListWritersAsync();
            var marks = await store.ReadWatermarksAsync();
            var lowest = writers.Where(w => w.Id != writer)
                .Select(w => marks.TryGetValue(w.Id, out var mark) ? mark : DateTimeOffset.MinValue)
                .DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            others = new Others(now, lowest);
            _others = others;
        }

        // With other silos, a second is left for their clocks' skew: a writer that joins late must not record below it.
        var bound = others.Horizon == DateTimeOffset.MaxValue ? others.Horizon : Min(others.Horizon, now - Skew);
        return Min(local, bound);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Others(DateTimeOffset At, DateTimeOffset Horizon);
}
