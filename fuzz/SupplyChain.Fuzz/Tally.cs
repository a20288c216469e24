namespace SupplyChain.Fuzz;

/// <summary>Steps per target, and how each ended: accepted, or refused with which kind of refusal.</summary>
public sealed class Tally
{
    private readonly SortedDictionary<string, SortedDictionary<string, long>> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Steps, TimeSpan Time)> _time = new(StringComparer.Ordinal);

    public long Operations { get; private set; }

    public IReadOnlyDictionary<string, SortedDictionary<string, long>> Outcomes => _outcomes;

    public void Count(string target, string outcome)
    {
        if (!_outcomes.TryGetValue(target, out var outcomes))
        {
            _outcomes[target] = outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        }

        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
    }

    public void Step() => Operations++;

    /// <summary>Steps a target took and the time they took together.</summary>
    public (long Steps, TimeSpan Time) TimeOf(string target) => _time.GetValueOrDefault(target);

    public void Timed(string target, TimeSpan elapsed)
    {
        var (steps, time) = _time.GetValueOrDefault(target);
        _time[target] = (steps + 1, time + elapsed);
    }
}
