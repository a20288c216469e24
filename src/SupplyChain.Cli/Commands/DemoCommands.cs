namespace SupplyChain.Cli.Commands;

/// <summary>Loading the demonstration data set (participants, products, chains, batch journeys).</summary>
internal static class DemoCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("demo load", "[--key FILE]", "Load the demonstration data into the server, each write signed with the development key as the party that makes it", LoadAsync),
    ];

    private static Task<int> LoadAsync(CommandContext context)
    {
        var key = context.Line.Optional("key");
        context.Line.RejectUnused();
        return Demo.DemoLoader.LoadAsync(context.DevSigned(key), context.Out, CancellationToken.None);
    }
}
