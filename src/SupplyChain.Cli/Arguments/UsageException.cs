namespace SupplyChain.Cli.Arguments;

/// <summary>The command line is wrong: the user gets the message and the command's usage, exit 64.</summary>
internal sealed class UsageException(string message) : Exception(message);
