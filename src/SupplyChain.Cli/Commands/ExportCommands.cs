using SupplyChain.Cli.Arguments;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>What auditors hand on: a trace as an EPCIS 2.0 document for partners, a spreadsheet for regulators.</summary>
internal static class ExportCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("export epcis", "GTIN LOT [--forward] [--out FILE]", "Export a batch's trace (back, or forward) as an EPCIS 2.0 JSON-LD document", EpcisAsync),
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
