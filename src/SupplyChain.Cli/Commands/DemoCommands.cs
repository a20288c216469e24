namespace SupplyChain.Cli.Commands;

/// <summary>Loading the demonstration data set (participants, products, chains, batch journeys).</summary>
internal static class DemoCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("demo load", "", "Load the demonstration data into the server", LoadAsync),
    ];

    private static Task<int> LoadAsync(CommandContext context)
    {
        context.Line.RejectUnused();
        return Demo.DemoLoader.LoadAsync(context.Channel, context.Out, CancellationToken.None);
    }
}
