using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>Printable labels whose QR code opens the lot's page.</summary>
internal static class LabelCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("label",
            "GTIN LOT [--out label.svg|label.html] [--link-domain URL]",
            $"Write a printable label for a lot: its Digital Link as a QR code, the product, the lot and the OCOP stars (links on {LinkDomain.Variable}, else {LinkDomain.Local})",
            WriteAsync),
    ];

    private static async Task<int> WriteAsync(CommandContext context)
    {
        var line = context.Line;
        var (gtin, lot) = (line.Positional(0, "GTIN"), line.Positional(1, "LOT"));
        var output = line.Optional("out") ?? "label.svg";
        var domain = line.Optional("link-domain");
        line.RejectUnused();
        if (!output.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && !output.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--out '{output}' must end in .svg or .html");
        }

        var batch = await new BatchService.BatchServiceClient(context.Channel).GetBatchAsync(new GetBatchRequest { Gtin = gtin, Lot = lot });
        var product = await new ParticipantService.ParticipantServiceClient(context.Channel).GetProductAsync(new GetProductRequest { Gtin = batch.Gtin });
        var link = LinkDomain.Link(batch.DigitalLink, domain);
        await File.WriteAllTextAsync(output, output.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? Label.Svg(product, batch, link) : Label.Html(product, batch, link));
        context.Out.WriteLine($"label for {product.Name}, lot {batch.Lot}: {output}");
        context.Out.WriteLine($"its QR code opens {link}");
        return ExitCode.Success;
    }
}
