namespace SupplyChain.Domain.Deliveries;

/// <summary>When a failed delivery is tried again: <see cref="First"/> after the first failure, twice as long after each next one, at most <see cref="Longest"/>.</summary>
public sealed record DeliveryBackoff(TimeSpan First, TimeSpan Longest)
{
    /// <summary>The wait after <paramref name="failures"/> failed attempts (1 or more).</summary>
    public TimeSpan After(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var wait = First.Ticks * Math.Pow(2, doublings);
        return wait >= Longest.Ticks ? Longest : TimeSpan.FromTicks((long)wait);
    }
}
