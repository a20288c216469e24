using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>What auditors ask: where a lot came from, where it went, who held it, and whether its record was altered.</summary>
internal static class TraceCommands
{
    /// <summary>Exit code of `verify` when the stored chain is broken, as for a failed precondition.</summary>
    private const int ChainBroken = 4;

    public static IReadOnlyList<Command> All { get; } =
    [
        new("trace back", "GTIN LOT [--max-depth N]", "Trace a batch back through every split and merge to its producers, with handoffs and checks", BackAsync),
        new("trace forward", "GTIN LOT", "Trace a batch forward to every batch made from it and who holds each now: the scope of a recall", ForwardAsync),
        new("recall", "GTIN LOT --reason TEXT [--auditor GLN] [--event-id ID]",
            "Recall a batch and every batch made from it, notifying who holds them (auditors only; retry with the same --event-id to finish)", RecallAsync),
        new("alerts", "--participant GLN | --chain ID [--resume-after ID] [--count N]",
            "Print alerts as they are raised (failed checks, holds, recalls, overdue shipments) until Ctrl+C, or until N have come; --resume-after first replays the stored alerts after that id", AlertsAsync),
        new("custody", "GTIN LOT", "List a batch's chain of custody from its creation to now", CustodyAsync),
        new("verify", "GTIN LOT", "Recompute a batch's hash chain from storage; exits 4 and names the first bad event when it is broken", VerifyAsync),
    ];

    private static async Task<int> BackAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new TraceBackRequest { Gtin = line.Positional(0, "GTIN"), Lot = line.Positional(1, "LOT") };
        if (line.Optional("max-depth") is { } depth)
        {
            request.MaxDepth = ValueSyntax.WholeNumber("--max-depth", depth);
        }

        line.RejectUnused();

        TraceView.WriteBack(context.Out, await Client(context).TraceBackAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ForwardAsync(CommandContext context)
    {
        var request = new TraceForwardRequest { Gtin = context.Line.Positional(0, "GTIN"), Lot = context.Line.Positional(1, "LOT") };
        context.Line.RejectUnused();

        TraceView.WriteForward(context.Out, await Client(context).TraceForwardAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> RecallAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new RecallRequest
        {
            EventId = eventId.Value,
            Gtin = line.Positional(0, "GTIN"),
            Lot = line.Positional(1, "LOT"),
            AuditorGln = line.Optional("auditor") ?? "",
            Reason = line.Required("reason"),
        };
        line.RejectUnused();
        eventId.Announce(context.Out);

        TraceView.WriteRecall(context.Out, await Client(context).RecallAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> AlertsAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new WatchAlertsRequest();
        var (participant, chain) = (line.Optional("participant"), line.Optional("chain"));
        if ((participant is null) == (chain is null))
        {
            throw new UsageException("name one of --participant GLN or --chain ID");
        }

        if (participant is not null)
        {
            request.ParticipantGln = participant;
        }
        else
        {
            request.ChainId = chain!;
        }

        if (line.Optional("resume-after") is { } after)
        {
            request.ResumeAfter = ValueSyntax.WholeNumber("--resume-after", after);
        }

        var count = line.Optional("count") is { } n ? ValueSyntax.WholeNumber("--count", n) : int.MaxValue;
        line.RejectUnused();

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var call = Client(context).WatchAlerts(request, cancellationToken: stop.Token);
        await call.ResponseHeadersAsync;
        await context.Out.WriteLineAsync($"watching alerts for {participant ?? "chain " + chain} (Ctrl+C stops)");
        await context.Out.FlushAsync();
        try
        {
            for (var seen = 0; seen < count && await call.ResponseStream.MoveNext(stop.Token); seen++)
            {
                var alert = call.ResponseStream.Current;
                await context.Out.WriteLineAsync($"{Display.Time(alert.At)}  {Display.Name(alert.Kind)}  {Display.Batch(alert.Batch)}  {alert.Message}  (#{alert.Id})");
                await context.Out.FlushAsync();
            }
        }
        catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Cancelled && stop.IsCancellationRequested)
        {
            // Ctrl+C.
        }

        return ExitCode.Success;
    }

    private static async Task<int> CustodyAsync(CommandContext context)
    {
        var request = new GetChainOfCustodyRequest { Gtin = context.Line.Positional(0, "GTIN"), Lot = context.Line.Positional(1, "LOT") };
        context.Line.RejectUnused();

        TraceView.WriteCustody(context.Out, await Client(context).GetChainOfCustodyAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> VerifyAsync(CommandContext context)
    {
        var request = new VerifyBatchRequest { Gtin = context.Line.Positional(0, "GTIN"), Lot = context.Line.Positional(1, "LOT") };
        context.Line.RejectUnused();

        var verified = await Client(context).VerifyBatchAsync(request);
        TraceView.WriteVerification(context.Out, verified);
        return verified.Ok ? ExitCode.Success : ChainBroken;
    }

    private static TraceService.TraceServiceClient Client(CommandContext context) => new(context.Channel);
}
