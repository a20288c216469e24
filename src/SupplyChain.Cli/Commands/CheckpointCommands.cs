using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>Production, environmental and food-safety checkpoints, judged by the server against the limits.</summary>
internal static class CheckpointCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("checkpoint",
            "--gtin G --lot L [--actor GLN] --kind production|environmental|food-safety --step S [--measure type=value:unit ...] [--certificate REF --issuer GLN --location GLN --at T --event-id ID]",
            "Record a checkpoint; prints the verdict (PASS/FAIL) and each reading against its limit",
            RecordAsync),
    ];

    private static async Task<int> RecordAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new RecordCheckpointRequest
        {
            EventId = eventId.Value,
            Gtin = line.Required("gtin"),
            Lot = line.Required("lot"),
            ActorGln = line.Optional("actor") ?? "",
            Kind = ValueSyntax.Name<CheckpointKind>("--kind", line.Required("kind")),
            Step = line.Required("step"),
            LocationGln = line.Optional("location") ?? "",
            ObservedAt = line.Optional("at") is { } at ? ValueSyntax.Time("--at", at) : null,
            Certificate = (line.Optional("certificate"), line.Optional("issuer")) switch
            {
                (null, null) => null,
                (null, _) => throw new UsageException("--issuer needs --certificate"),
                (var reference, var issuer) => new Certificate { Reference = reference, IssuerGln = issuer ?? "" },
            },
        };
        request.Measurements.Add(MeasureSyntax.Measurements(line));
        line.RejectUnused();
        eventId.Announce(context.Out);

        var response = await new BatchService.BatchServiceClient(context.Channel).RecordCheckpointAsync(request);
        BatchView.WriteResponse(context.Out, response, judged: true);
        return ExitCode.Success;
    }
}
