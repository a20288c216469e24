namespace SupplyChain.Cli.Commands;

/// <summary>One command: its words ("batch create"), its options, a one-line summary and what it does.</summary>
internal sealed record Command(string Name, string Synopsis, string Summary, Func<CommandContext, Task<int>> RunAsync);
