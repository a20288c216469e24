using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>What custodians do with a batch: ship it, receive or reject it, split it, merge or transform batches.</summary>
internal static class CustodyCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("ship",
            "--gtin G --lot L --to GLN [--from GLN --quantity Q --unit U --location GLN --at T --event-id ID]",
            "Ship a batch from its custodian to a named receiver",
            ShipAsync),
        new("receive",
            "--gtin G --lot L [--actor GLN] [--quantity Q --unit U --condition TEXT --measure type=value:unit ... | --reject REASON] [--location GLN --at T --event-id ID]",
            "Accept a shipment (with the amount and readings on arrival) or reject it",
            ReceiveAsync),
        new("split",
            "--gtin G --lot L [--actor GLN] --part LOT=QTY [--part ...] --unit U [--location GLN --at T --event-id ID]",
            "Split parts of a batch into new child batches",
            SplitAsync),
        new("merge",
            "--input GTIN/LOT --input GTIN/LOT ... --output-gtin G --output-lot L [--actor GLN --location GLN --at T --event-id ID]",
            "Merge whole batches into one new batch",
            MergeAsync),
        new("transform",
            "--input GTIN/LOT[=QTY:UNIT] ... --output GTIN/LOT=QTY:UNIT ... [--actor GLN --location GLN --at T --event-id ID]",
            "Transform batches (all of each, or the amount given) into new batches of any registered products",
            TransformAsync),
    ];

    private static async Task<int> ShipAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new ShipBatchRequest
        {
            EventId = eventId.Value,
            Gtin = line.Required("gtin"),
            Lot = line.Required("lot"),
            ActorGln = line.Optional("from") ?? "",
            ReceiverGln = line.Required("to"),
            Quantity = MeasureSyntax.OptionalQuantity(line),
            LocationGln = line.Optional("location") ?? "",
            ShippedAt = Time(line),
        };
        line.RejectUnused();
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).ShipBatchAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ReceiveAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new ReceiveBatchRequest
        {
            EventId = eventId.Value,
            Gtin = line.Required("gtin"),
            Lot = line.Required("lot"),
            ActorGln = line.Optional("actor") ?? "",
            LocationGln = line.Optional("location") ?? "",
            ReceivedAt = Time(line),
        };
        var quantity = MeasureSyntax.OptionalQuantity(line);
        var condition = line.Optional("condition");
        var measurements = MeasureSyntax.Measurements(line).ToList();
        if (line.Optional("reject") is { } reason)
        {
            if (quantity is not null || condition is not null || measurements.Count > 0)
            {
                throw new UsageException("--reject excludes --quantity, --condition and --measure");
            }

            request.Decision = ReceiveDecision.Reject;
            request.Reason = reason;
        }
        else
        {
            request.Decision = ReceiveDecision.Accept;
            request.QuantityReceived = quantity;
            request.Condition = condition ?? "";
            request.Measurements.Add(measurements);
        }

        line.RejectUnused();
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).ReceiveBatchAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> SplitAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new SplitBatchRequest
        {
            EventId = eventId.Value,
            Gtin = line.Required("gtin"),
            Lot = line.Required("lot"),
            ActorGln = line.Optional("actor") ?? "",
            LocationGln = line.Optional("location") ?? "",
            SplitAt = Time(line),
        };
        var unit = line.Required("unit");
        var parts = line.All("part");
        if (parts.Count == 0)
        {
            throw new UsageException("--part LOT=QTY is required at least once");
        }

        request.Parts.Add(parts.Select(part => BatchSyntax.Part(part, unit)));
        line.RejectUnused();
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).SplitBatchAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> MergeAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new MergeBatchesRequest
        {
            EventId = eventId.Value,
            OutputGtin = line.Required("output-gtin"),
            OutputLot = line.Required("output-lot"),
            ActorGln = line.Optional("actor") ?? "",
            LocationGln = line.Optional("location") ?? "",
            MergedAt = Time(line),
        };
        var inputs = line.All("input");
        if (inputs.Count == 0)
        {
            throw new UsageException("--input GTIN/LOT is required for each batch to merge");
        }

        request.Inputs.Add(inputs.Select(input => BatchSyntax.Reference("--input", input)));
        line.RejectUnused();
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).MergeBatchesAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> TransformAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new TransformBatchesRequest
        {
            EventId = eventId.Value,
            ActorGln = line.Optional("actor") ?? "",
            LocationGln = line.Optional("location") ?? "",
            TransformedAt = Time(line),
        };
        var inputs = line.All("input");
        var outputs = line.All("output");
        if (inputs.Count == 0)
        {
            throw new UsageException("--input GTIN/LOT[=QTY:UNIT] is required for each batch used");
        }

        if (outputs.Count == 0)
        {
            throw new UsageException("--output GTIN/LOT=QTY:UNIT is required for each batch made");
        }

        request.Inputs.Add(inputs.Select(BatchSyntax.Input));
        request.Outputs.Add(outputs.Select(BatchSyntax.Output));
        line.RejectUnused();
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).TransformBatchesAsync(request));
        return ExitCode.Success;
    }

    private static Google.Protobuf.WellKnownTypes.Timestamp? Time(CommandLine line) =>
        line.Optional("at") is { } at ? ValueSyntax.Time("--at", at) : null;

    private static BatchService.BatchServiceClient Client(CommandContext context) => new(context.Channel);
}
