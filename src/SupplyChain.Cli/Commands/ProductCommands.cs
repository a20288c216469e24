using System.Globalization;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>A producer's products: OCOP rating and the specification limits checkpoints are judged by.</summary>
internal static class ProductCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("product register",
            "--gtin G [--producer GLN] --name N --category C --unit KGM [--stars 4 --certificate X --certified-on 2024-05-01 --pending-stars 5] [--limit type:min:max:unit ...]",
            "Register a producer's product with its OCOP rating and limits (min or max may be empty: temperature::-18:CEL)",
            RegisterAsync),
        new("product show", "GTIN", "Show a product and its limits", ShowAsync),
        new("product list", "--producer GLN", "List a producer's products", ListAsync),
    ];

    private static async Task<int> RegisterAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new RegisterProductRequest
        {
            Gtin = line.Required("gtin"),
            ProducerGln = line.Optional("producer") ?? "",
            Name = line.Required("name"),
            Category = line.Required("category"),
            Unit = line.Required("unit"),
            OcopStars = line.Optional("stars") is { } stars ? ValueSyntax.WholeNumber("--stars", stars) : 0,
            OcopCertificate = line.Optional("certificate") ?? "",
            OcopCertifiedOn = line.Optional("certified-on") is { } day ? ValueSyntax.Date("--certified-on", day) : null,
            OcopPendingStars = line.Optional("pending-stars") is { } pending ? ValueSyntax.WholeNumber("--pending-stars", pending) : 0,
        };
        request.Limits.Add(MeasureSyntax.Limits(line));
        line.RejectUnused();

        Write(context.Out, await Client(context).RegisterProductAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ShowAsync(CommandContext context)
    {
        var request = new GetProductRequest { Gtin = context.Line.Positional(0, "GTIN") };
        context.Line.RejectUnused();

        Write(context.Out, await Client(context).GetProductAsync(request));
        return ExitCode.Success;
    }

    private static async Task<int> ListAsync(CommandContext context)
    {
        var request = new ListProductsRequest { ProducerGln = context.Line.Required("producer") };
        context.Line.RejectUnused();

        var response = await Client(context).ListProductsAsync(request);
        var table = new Table("GTIN", "NAME", "CATEGORY", "UNIT", "OCOP", "CERTIFICATE", "LIMITS");
        foreach (var product in response.Products)
        {
            table.Add(
                product.Gtin,
                product.Name,
                product.Category,
                product.Unit,
                Stars(product),
                product.OcopCertificate,
                product.Limits.Count.ToString(CultureInfo.InvariantCulture));
        }

        table.WriteTo(context.Out, "(no products)");
        return ExitCode.Success;
    }

    private static ParticipantService.ParticipantServiceClient Client(CommandContext context) => new(context.Channel);

    private static void Write(TextWriter output, Product product)
    {
        new Fields()
            .Add("gtin", product.Gtin)
            .Add("name", product.Name)
            .Add("producer", product.ProducerGln)
            .Add("category", product.Category)
            .Add("unit", product.Unit)
            .Add("ocop", Stars(product))
            .Add("certificate", product.OcopCertificate)
            .Add("certified on", Display.Date(product.OcopCertifiedOn))
            .Add("digital link", LinkDomain.Link(product.DigitalLink))
            .Add("registered", Display.Time(product.RegisteredAt))
            .WriteTo(output);
        output.WriteLine();
        output.WriteLine("limits:");
        var limits = new Table("TYPE", "MIN", "MAX", "UNIT");
        foreach (var limit in product.Limits)
        {
            limits.Add(
                limit.Type,
                limit.HasMin ? Display.Number(limit.Min) : "",
                limit.HasMax ? Display.Number(limit.Max) : "",
                limit.Unit);
        }

        limits.WriteTo(output, "(no limits)");
    }

    // "4 stars (5 pending)": the pending review matters to buyers as much as the rating.
    private static string Stars(Product product)
    {
        var rated = product.OcopStars > 0 ? $"{product.OcopStars} stars" : "not rated";
        return product.OcopPendingStars > 0 ? $"{rated} ({product.OcopPendingStars} pending)" : rated;
    }
}
