namespace SupplyChain.Cli.Commands;

/// <summary>The command list, and the usage of one command.</summary>
internal static class Help
{
    /// <summary>`help` lists the commands; `help batch create` shows that command.</summary>
    public static int Write(TextWriter output, IReadOnlyList<string> words)
    {
        if (words.Count > 0)
        {
            var (command, _) = CommandCatalog.Find(words);
            WriteCommand(output, command);
            return ExitCode.Success;
        }

        output.WriteLine("usage: supplychain [--server URL] [--token-file FILE | --dev-key FILE] <command> [options]");
        output.WriteLine();
        output.WriteLine("commands:");
        var width = CommandCatalog.All.Max(command => command.Name.Length);
        foreach (var command in CommandCatalog.All)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}  {command.Summary}");
        }

        output.WriteLine("  help".PadRight(width + 4) + "This list; 'help <command>' or '<command> --help' shows a command's options");
        output.WriteLine();
        output.WriteLine("--server URL defaults to $SUPPLYCHAIN_SERVER, else http://127.0.0.1:5080.");
        output.WriteLine("Every call carries the token 'login' kept (~/.supplychain/token, --token-file, or $SUPPLYCHAIN_TOKEN);");
        output.WriteLine("--producer, --actor, --from and --auditor default to the token's participant, and must name it if given.");
        output.WriteLine("--dev-key FILE instead signs each call with a development key as the party it names (scripts, demo data).");
        output.WriteLine("Writes without --event-id get a generated one, printed so the command can be retried safely.");
        output.WriteLine("Times are ISO 8601 (UTC when no offset is given); numbers use '.' for decimals.");
        output.WriteLine("Exit codes: 0 ok, 2 invalid argument, 3 not found, 4 failed precondition, 5 already exists,");
        output.WriteLine("6 permission denied, 7 server unavailable, 8 unauthenticated, 9 rate exceeded, 1 other server error,");
        output.WriteLine("64 usage error.");
        return ExitCode.Success;
    }

    public static void WriteCommand(TextWriter output, Command command)
    {
        output.WriteLine($"usage: supplychain {command.Name} {command.Synopsis}".TrimEnd());
        output.WriteLine(command.Summary);
    }
}
