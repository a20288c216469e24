using SupplyChain.Cli.Arguments;

namespace SupplyChain.Cli.Commands;

/// <summary>Every command, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<Command> All { get; } =
    [
        .. LoginCommands.All,
        .. ParticipantCommands.All,
        .. ProductCommands.All,
        .. BatchCommands.All,
        .. CheckpointCommands.All,
        .. CustodyCommands.All,
        .. ChainCommands.All,
        .. TraceCommands.All,
        .. HoldCommands.All,
        .. ExchangeCommands.All,
        .. LabelCommands.All,
        .. DemoCommands.All,
    ];

    /// <summary>The command whose words begin the line, and the words after them.</summary>
    public static (Command Command, IReadOnlyList<string> Words) Find(IReadOnlyList<string> words)
    {
        foreach (var command in All.OrderByDescending(command => command.Name.Length))
        {
            var name = command.Name.Split(' ');
            if (words.Count >= name.Length && name.SequenceEqual(words.Take(name.Length), StringComparer.Ordinal))
            {
                return (command, words.Skip(name.Length).ToList());
            }
        }

        var group = All.Where(command => command.Name.StartsWith(words[0] + " ", StringComparison.Ordinal)).ToList();
        if (group.Count > 0)
        {
            var subcommands = group.Select(command => command.Name[(words[0].Length + 1)..]);
            throw new UsageException($"'{string.Join(' ', words.Take(2))}' is not a command; {words[0]} takes one of: {string.Join(", ", subcommands)}");
        }

        throw new UsageException($"unknown command '{words[0]}'");
    }
}
