using SupplyChain.Fuzz;

namespace SupplyChain.Fuzz.Tests;

/// <summary>The fuzz run (fuzz/SupplyChain.Fuzz) for a fixed number of steps from a fixed seed: the same steps every time.</summary>
public sealed class FuzzTests
{
    [Fact]
    public void A_short_run_from_a_fixed_seed_finds_no_crash_and_no_broken_invariant()
    {
        var report = new FuzzRun(20260105, Gs1Examples.Find(AppContext.BaseDirectory)).Run(operations: 20_000);

        Assert.True(report.Ok, report.ToString());
        Assert.Equal(20_000, report.Tally.Operations);
    }

    [Fact]
    public void A_short_run_reaches_every_kind_of_command_and_every_target()
    {
        var report = new FuzzRun(7).Run(operations: 20_000);

        var accepted = report.Tally.Outcomes["batch world, accepted"];
        foreach (var kind in new[] { "create", "checkpoint", "ship", "receive", "reject", "split", "merge", "transform", "hold", "lift hold", "recall" })
        {
            Assert.True(accepted.GetValueOrDefault(kind) > 0, $"no {kind} was accepted in 20,000 steps:\n{report}");
        }

        Assert.True(report.Tally.Outcomes["epcis"].GetValueOrDefault("imported") > 0, report.ToString());
        Assert.True(report.Tally.Outcomes["requests"].GetValueOrDefault("command") > 0, report.ToString());
        Assert.True(report.Tally.Outcomes["parsers"].GetValueOrDefault("value") > 0, report.ToString());
    }
}
