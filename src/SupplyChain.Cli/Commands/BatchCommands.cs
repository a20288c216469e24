using System.Globalization;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>Creating batches and reading them: state, hash-chained history, a participant's listing.</summary>
internal static class BatchCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("batch create",
            "--gtin G --lot L --quantity 500 --unit KGM [--producer GLN --location GLN --chain ID --at ISO8601 --event-id ID]",
            "Create a batch (lot) of a product; only its producer may",
            CreateAsync),
        new("batch show", "GTIN LOT", "Show a batch's current state", ShowAsync),
        new("batch history", "GTIN LOT", "List a batch's events in order, with their hashes", HistoryAsync),
        new("batch list",
            "--participant GLN [--held|--produced] [--page-size N]",
            "List the batches a participant holds (default) or produced, all pages",
            ListAsync),
    ];

    private static async Task<int> CreateAsync(CommandContext context)
    {
        var line = context.Line;
        var eventId = ClientEventId.From(line);
        var request = new CreateBatchRequest
        {
            EventId = eventId.Value,
            Gtin = line.Required("gtin"),
            Lot = line.Required("lot"),
            Quantity = MeasureSyntax.Quantity(line.Required("quantity"), line.Required("unit")),
            ProducerGln = line.Optional("producer") ?? "",
            LocationGln = line.Optional("location") ?? "",
            ChainId = line.Optional("chain") ?? "",
            ProducedAt = line.Optional("at") is { } at ? ValueSyntax.Time("--at", at) : null,
        };
        line.RejectUnused();
        eventId.Announce(context.Out);

        BatchView.WriteResponse(context.Out, await Client(context).CreateBatchAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ShowAsync(CommandContext context)
    {
        var request = new GetBatchRequest
        {
            Gtin = context.Line.Positional(0, "GTIN"),
            Lot = context.Line.Positional(1, "LOT"),
        };
        context.Line.RejectUnused();

        BatchView.WriteDetails(context.Out, await Client(context).GetBatchAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> HistoryAsync(CommandContext context)
    {
        var request = new GetBatchHistoryRequest
        {
            Gtin = context.Line.Positional(0, "GTIN"),
            Lot = context.Line.Positional(1, "LOT"),
            FromVersion = 1,
        };
        context.Line.RejectUnused();

        var client = Client(context);
        var table = new Table("VERSION", "TIME", "TYPE", "ACTOR", "SUMMARY", "HASH");
        while (true)
        {
            var page = await client.GetBatchHistoryAsync(request);
            foreach (var batchEvent in page.Events)
            {
                table.Add(
                    batchEvent.Version.ToString(CultureInfo.InvariantCulture),
                    Display.Time(batchEvent.EventTime),
                    Display.Name(batchEvent.Type),
                    batchEvent.ActorGln,
                    batchEvent.ErrorDeclaration is { } declared ? $"{batchEvent.Summary} [{Display.Declared(declared)}]" : batchEvent.Summary,
                    Display.ShortHash(batchEvent.Hash));
            }

            // A server that does not move forward would loop us forever; stop instead.
            if (page.NextFromVersion <= request.FromVersion)
            {
                break;
            }

            request.FromVersion = page.NextFromVersion;
        }

        table.WriteTo(context.Out, "(no events)");
        return ExitCode.Success;
    }

    private static async Task<int> ListAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new ListBatchesRequest
        {
            ParticipantGln = line.Required("participant"),
            Listing = (line.Flag("held"), line.Flag("produced")) switch
            {
                (true, true) => throw new UsageException("--held and --produced exclude each other"),
                (_, true) => BatchListing.Produced,
                _ => BatchListing.Held,
            },
            PageSize = line.Optional("page-size") is { } size ? ValueSyntax.WholeNumber("--page-size", size) : 0,
        };
        line.RejectUnused();

        var client = Client(context);
        var batches = new List<Batch>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await client.ListBatchesAsync(request);
            batches.AddRange(page.Batches);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0 && seenTokens.Add(request.PageToken));

        BatchView.WriteList(context.Out, batches);
        return ExitCode.Success;
    }

    private static BatchService.BatchServiceClient Client(CommandContext context) => new(context.Channel);
}
