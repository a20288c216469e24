using System.Globalization;
using SupplyChain.Fuzz;

// scripts/fuzz [--seconds N] [--operations N] [--seed S]: a randomised run; exit 0 when nothing broke, 1 on a break, 2 on bad arguments.
var seconds = 10.0;
long? operations = null;
var seed = Random.Shared.Next();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--seconds":
                seconds = double.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "--operations":
                operations = long.Parse(value, CultureInfo.InvariantCulture);
                seconds = double.PositiveInfinity;
                break;
            case "--seed":
                seed = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            default:
                throw new ArgumentException($"unknown option {args[i]}");
        }

        i++;
    }
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"fuzz: {ex.Message}; usage: fuzz [--seconds N] [--operations N] [--seed S]");
    return 2;
}

var examples = Gs1Examples.Find(AppContext.BaseDirectory);
Console.WriteLine($"fuzz: seed {seed}, {(operations is { } n ? $"{n:N0} operations" : $"{seconds:G} s")}; "
    + (examples is null ? "GS1 examples not found beside the repository: EPCIS documents are exports only" : $"GS1 examples from {examples}"));
var report = new FuzzRun(seed, examples).Run(double.IsInfinity(seconds) ? null : TimeSpan.FromSeconds(seconds), operations);
Console.WriteLine(report);
return report.Ok ? 0 : 1;
