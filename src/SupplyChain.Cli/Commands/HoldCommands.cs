using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>What auditors do to stop a batch without recalling it: hold it while a question is settled, then release it.</summary>
internal static class HoldCommands
{
    public static IReadOnlyList<Command> All { get; } = new List<Command>
    {
        new("hold", "GTIN LOT --reason TEXT [--auditor GLN] [--event-id ID]",
            "Put an active batch on hold: it cannot be shipped, split or merged until released (auditors only; --auditor defaults to the logged-in party)",
            PlaceAsync),
        new("release", "GTIN LOT --reason TEXT [--auditor GLN] [--event-id ID]",
            "Lift the hold on a batch, an auditor's or a failed food-safety check's: it is active again (auditors only)",
            LiftAsync),
    };

    private static async Task<int> PlaceAsync(CommandContext context)
    {
        var request = Request(context, out var eventId);
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).PlaceHoldAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> LiftAsync(CommandContext context)
    {
        var request = Request(context, out var eventId);
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).LiftHoldAsync(request));
        return ExitCode.Success;
    }

    private static HoldRequest Request(CommandContext context, out ClientEventId eventId)
    {
        var line = context.Line;
        eventId = ClientEventId.From(line);
        var request = new HoldRequest
        {
            EventId = eventId.Value,
            Gtin = line.Positional(0, "GTIN"),
            Lot = line.Positional(1, "LOT"),
            AuditorGln = line.Optional("auditor") ?? "",
            Reason = line.Required("reason"),
        };
        line.RejectUnused();
        return request;
    }

    private static BatchService.BatchServiceClient Client(CommandContext context) => new(context.Channel);
}
