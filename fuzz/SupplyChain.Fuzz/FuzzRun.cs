using System.Diagnostics;
using SupplyChain.Domain;
using SupplyChain.Fuzz.World;

namespace SupplyChain.Fuzz;

/// <summary>
/// A randomised run over every target, from one seed: the same seed and number of operations repeat the same steps.
/// Stops at the first break (an exception other than a domain refusal, or a broken invariant) and reports it with the
/// steps that led to it.
/// </summary>
public sealed class FuzzRun(int seed, string? gs1Examples = null)
{
    public int Seed => seed;

    /// <summary>Runs until <paramref name="duration"/> has passed or <paramref name="operations"/> steps were taken, whichever comes first.</summary>
    public FuzzReport Run(TimeSpan? duration = null, long? operations = null)
    {
        var noise = new Noise(seed);
        var tally = new Tally();
        var world = new WorldTarget(noise, tally);
        var targets = new List<(ITarget Target, int Weight)>
        {
            (world, 55),
            (new ParserTarget(noise, tally), 20),
            (new RequestTarget(noise, tally), 20),
            (new EpcisTarget(noise, tally, world, gs1Examples), 5),
        };
        var total = targets.Sum(t => t.Weight);
        var clock = Stopwatch.StartNew();
        while ((operations is null || tally.Operations < operations) && (duration is null || clock.Elapsed < duration))
        {
            var roll = noise.Below(total);
            var target = targets.First(t => (roll -= t.Weight) < 0).Target;
            tally.Step();
            var started = Stopwatch.GetTimestamp();
            try
            {
                target.Step();
                tally.Timed(target.Name, Stopwatch.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not DomainException)
            {
                var what = ex is InvariantBroken ? ex.Message : $"unexpected {ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace}";
                return new FuzzReport(seed, tally, clock.Elapsed, new FuzzBreak(tally.Operations, target.Name, what, target.Sequence.ToList()));
            }
            catch (DomainException ex)
            {
                // Targets count their own refusals; one that escapes was not expected where it arose.
                return new FuzzReport(seed, tally, clock.Elapsed, new FuzzBreak(tally.Operations, target.Name, $"a refusal escaped its step: {ex.Refusal}: {ex.Message}\n{ex.StackTrace}", target.Sequence.ToList()));
            }
        }

        return new FuzzReport(seed, tally, clock.Elapsed, null);
    }
}

/// <summary>The first break of a run: at which operation, in which target, what broke, and the steps before it.</summary>
public sealed record FuzzBreak(long Operation, string Target, string What, IReadOnlyList<string> Sequence);

/// <summary>How a run went.</summary>
public sealed record FuzzReport(int Seed, Tally Tally, TimeSpan Elapsed, FuzzBreak? Break)
{
    public bool Ok => Break is null;

    public override string ToString()
    {
        var lines = new List<string>
        {
            $"fuzz: seed {Seed}: {Tally.Operations:N0} operations in {Elapsed.TotalSeconds:F1} s ({Tally.Operations / Math.Max(Elapsed.TotalSeconds, 0.001):N0}/s)",
        };
        foreach (var (target, outcomes) in Tally.Outcomes)
        {
            var (steps, time) = Tally.TimeOf(target);
            var timing = steps > 0 ? $" {steps:N0} steps in {time.TotalSeconds:F1} s:" : "";
            lines.Add($"  {target}:{timing} {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value:N0}"))}");
        }

        if (Break is { } broken)
        {
            lines.Add($"fuzz: BROKEN at operation {broken.Operation:N0} ({broken.Target}), seed {Seed}:");
            lines.Add("  " + broken.What.Replace("\n", "\n  ", StringComparison.Ordinal));
            lines.Add("  the steps that led to it:");
            lines.AddRange(broken.Sequence.Select((s, i) => $"    {i + 1,4}. {s}"));
            lines.Add($"  repeat it with: scripts/fuzz --seed {Seed} --operations {broken.Operation}");
        }
        else
        {
            lines.Add("fuzz: no crash, no invariant broken");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
