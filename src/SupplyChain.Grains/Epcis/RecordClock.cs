namespace SupplyChain.Grains.Epcis;

/// <summary>
/// Gives this silo's events their record times and knows the horizon: every event recorded before it is in the
/// indexes. Record times only grow, and an event holds its time open until its index rows are written, so the
/// horizon never passes an event that is still on its way (GE_recordTime paging misses and repeats nothing).
/// </summary>
public sealed class RecordClock(TimeProvider clock)
{
    private readonly SortedDictionary<long, int> _open = [];
    private long _last;

    /// <summary>A record time later than every one given and every horizon read, held open until <see cref="Close"/>.</summary>
    public DateTimeOffset Open() => Open(clock.GetUtcNow());

    /// <summary>As <see cref="Open()"/>, for an event decided at <paramref name="now"/>.</summary>
    public DateTimeOffset Open(DateTimeOffset now)
    {
        lock (_open)
        {
            _last = Math.Max(now.UtcTicks, _last + 1);
            _open[_last] = _open.GetValueOrDefault(_last) + 1;
            return new DateTimeOffset(_last, TimeSpan.Zero);
        }
    }

    /// <summary>The event given this time is in the indexes (or was never stored).</summary>
    public void Close(DateTimeOffset recordTime)
    {
        lock (_open)
        {
            var ticks = recordTime.UtcTicks;
            if (_open.TryGetValue(ticks, out var count))
            {
                if (count <= 1)
                {
                    _open.Remove(ticks);
                }
                else
                {
                    _open[ticks] = count - 1;
                }
            }
        }
    }

    /// <summary>The earliest record time still open, else now; no later Open gives a time below it.</summary>
    public DateTimeOffset Horizon()
    {
        lock (_open)
        {
            if (_open.Count > 0)
            {
                return new DateTimeOffset(_open.Keys.First(), TimeSpan.Zero);
            }

            _last = Math.Max(_last, clock.GetUtcNow().UtcTicks);
            return new DateTimeOffset(_last, TimeSpan.Zero);
        }
    }
}
