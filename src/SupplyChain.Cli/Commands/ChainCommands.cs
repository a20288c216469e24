using System.Globalization;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>Distribution chains: defining the route and its stage requirements, and reporting on the batches along it.</summary>
internal static class ChainCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("chain define",
            "--id ID --name N [--max-transit-hours H] --stage \"name=GLN,GLN;limit=temperature::-18:CEL;require=temperature\" [--stage ...]",
            "Define a distribution chain, stages in order from production to retail",
            DefineAsync),
        new("chain show", "ID", "Show a chain and its stages", ShowAsync),
        new("chain report", "ID", "Report a chain: batches per stage, in transit, violations, time per stage", ReportAsync),
    ];

    private static async Task<int> DefineAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new DefineChainRequest
        {
            ChainId = line.Required("id"),
            Name = line.Required("name"),
            MaxTransitHours = line.Optional("max-transit-hours") is { } hours ? ValueSyntax.WholeNumber("--max-transit-hours", hours) : 0,
        };
        var stages = line.All("stage");
        if (stages.Count == 0)
        {
            throw new UsageException("--stage is required at least once");
        }

        request.Stages.Add(stages.Select(StageSyntax.Stage));
        line.RejectUnused();

        Write(context.Out, await Client(context).DefineChainAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ShowAsync(CommandContext context)
    {
        var request = new GetChainRequest { ChainId = context.Line.Positional(0, "ID") };
        context.Line.RejectUnused();

        Write(context.Out, await Client(context).GetChainAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ReportAsync(CommandContext context)
    {
        var request = new GetChainRequest { ChainId = context.Line.Positional(0, "ID") };
        context.Line.RejectUnused();

        var report = await Client(context).GetChainReportAsync(request);
        var output = context.Out;
        new Fields()
            .Add("chain", report.ChainId)
            .Add("batches", Count(report.BatchCount))
            .WriteTo(output);

        output.WriteLine();
        output.WriteLine("stages:");
        var stages = new Table("STAGE", "HERE", "COMPLETED", "MEAN HOURS", "MAX HOURS", "BATCHES HERE");
        foreach (var stage in report.Stages)
        {
            stages.Add(
                stage.Name,
                Count(stage.BatchesHere),
                Count(stage.Completed),
                Display.Number(Math.Round(stage.MeanHours, 1)),
                Display.Number(Math.Round(stage.MaxHours, 1)),
                Display.Batches(stage.Batches) + More(stage.BatchesHere, stage.Batches.Count));
        }

        stages.WriteTo(output);

        output.WriteLine();
        output.WriteLine("in transit:" + More(report.InTransitCount, report.InTransit.Count));
        var transits = new Table("BATCH", "FROM", "TO", "SINCE", "LATE");
        foreach (var transit in report.InTransit)
        {
            transits.Add(
                transit.Batch is null ? "" : Display.Batch(transit.Batch),
                transit.FromGln,
                transit.ToGln,
                Display.Time(transit.Since),
                transit.Late ? "LATE" : "");
        }

        transits.WriteTo(output);

        output.WriteLine();
        output.WriteLine("violations:");
        var violations = new Table("BATCH", "STAGE", "VERSION", "AT", "DESCRIPTION");
        foreach (var violation in report.Violations)
        {
            violations.Add(
                violation.Batch is null ? "" : Display.Batch(violation.Batch),
                violation.Stage,
                violation.Version.ToString(CultureInfo.InvariantCulture),
                Display.Time(violation.At),
                violation.Description);
        }

        violations.WriteTo(output);
        return ExitCode.Success;
    }

    private static ChainService.ChainServiceClient Client(CommandContext context) => new(context.Channel);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>Says how many a report counted but did not list (it lists at most 1,000 per stage and in transit).</summary>
    private static string More(int counted, int listed) => counted > listed ? $" (the first {Count(listed)} of {Count(counted)})" : "";

    private static void Write(TextWriter output, Chain chain)
    {
        new Fields()
            .Add("id", chain.ChainId)
            .Add("name", chain.Name)
            .Add("max transit", chain.MaxTransitHours > 0 ? $"{Count(chain.MaxTransitHours)} hours" : "no limit")
            .Add("defined", Display.Time(chain.DefinedAt))
            .Add("batches", Count(chain.BatchCount))
            .WriteTo(output);
        output.WriteLine();
        output.WriteLine("stages:");
        var stages = new Table("#", "STAGE", "PARTICIPANTS", "LIMITS", "REQUIRED AT HANDOFF");
        foreach (var (stage, index) in chain.Stages.Select((stage, index) => (stage, index)))
        {
            stages.Add(
                Count(index + 1),
                stage.Name,
                string.Join(",", stage.ParticipantGlns),
                string.Join("; ", stage.Limits.Select(limit => $"{limit.Type} {Display.Range(limit)}")),
                string.Join(",", stage.RequiredAtHandoff));
        }

        stages.WriteTo(output);
    }
}
