using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>
/// What is exchanged with others: a trace as an EPCIS 2.0 document for partners, a spreadsheet for regulators, and a
/// partner's EPCIS document taken in.
/// </summary>
internal static class ExchangeCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("export epcis", "GTIN LOT [--forward] [--out FILE]", "Export a batch's trace (back, or forward) as an EPCIS 2.0 JSON-LD document", EpcisAsync),
        new("import epcis", "FILE [--actor GLN] [--receiver GLN]", "Capture a partner's EPCIS 2.0 document, all or nothing; sending it again replays it (--receiver: who receives shipments it names no destination for)", ImportAsync),
        new("export csv", "GTIN LOT [--from T --to T] [--out FILE]", "Export the key data elements of a batch's whole genealogy as a sortable CSV spreadsheet (FSMA 204)", CsvAsync),
    ];

    private static async Task<int> EpcisAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new ExportEpcisRequest
        {
            Gtin = line.Positional(0, "GTIN"),
            Lot = line.Positional(1, "LOT"),
            Direction = line.Flag("forward") ? TraceDirection.Forward : TraceDirection.Back,
        };
        var file = line.Optional("out");
        line.RejectUnused();

        var reply = await new TraceService.TraceServiceClient(context.Channel).ExportEpcisAsync(request);
        await WriteAsync(context, file, reply.Document, $"{reply.EventCount} EPCIS events of {reply.BatchCount} batches ({reply.MediaType})");
        return ExitCode.Success;
    }

    private static async Task<int> CsvAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new ExportTraceabilityCsvRequest { Gtin = line.Positional(0, "GTIN"), Lot = line.Positional(1, "LOT") };
        if (line.Optional("from") is { } from)
        {
            request.From = ValueSyntax.Time("--from", from);
        }

        if (line.Optional("to") is { } to)
        {
            request.To = ValueSyntax.Time("--to", to);
        }

        var file = line.Optional("out");
        line.RejectUnused();

        var reply = await new TraceService.TraceServiceClient(context.Channel).ExportTraceabilityCsvAsync(request);
        await WriteAsync(context, file, reply.Csv, $"{reply.RowCount} rows for {reply.BatchCount} batches ({reply.MediaType})");
        return ExitCode.Success;
    }

    private static async Task<int> ImportAsync(CommandContext context)
    {
        var line = context.Line;
        var file = line.Positional(0, "FILE");
        var actor = line.Optional("actor") ?? "";
        var receiver = line.Optional("receiver") ?? "";
        line.RejectUnused();
        if (!File.Exists(file))
        {
            throw new UsageException($"no file '{file}'");
        }

        var request = new ImportEpcisRequest { Document = await File.ReadAllTextAsync(file), ActorGln = actor, ReceiverGln = receiver };
        var reply = await new TraceService.TraceServiceClient(context.Channel).ImportEpcisAsync(request);
        new Fields()
            .Add("events", $"{reply.EventCount} in the document, {reply.CommandCount} batch commands ({reply.Replayed} stored before)")
            .Add("created", Count(reply.Created))
            .Add("checkpoints", Count(reply.Checkpoints) + (reply.FailedChecks > 0 ? $" ({reply.FailedChecks} checks failed)" : ""))
            .Add("shipped", Count(reply.Shipped))
            .Add("received", Count(reply.Received))
            .Add("rejected", Count(reply.Rejected))
            .Add("split", Count(reply.Split))
            .Add("merged", Count(reply.Merged))
            .Add("transformed", Count(reply.Transformed))
            .Add("batches", Display.Batches(reply.Batches))
            .WriteTo(context.Out);
        foreach (var note in reply.Notes)
        {
            await context.Out.WriteLineAsync($"note: {note}");
        }

        return ExitCode.Success;
    }

    private static string? Count(int count) => count == 0 ? null : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text to a file (saying what was written) or, without --out, as it is to standard output.</summary>
    private static async Task WriteAsync(CommandContext context, string? file, string text, string summary)
    {
        if (file is null)
        {
            await context.Out.WriteAsync(text);
            return;
        }

        await File.WriteAllTextAsync(file, text);
        await context.Out.WriteLineAsync($"wrote {summary} to {file}");
    }
}
