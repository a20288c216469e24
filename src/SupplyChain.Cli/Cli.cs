using Grpc.Core;
using Grpc.Net.Client;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Commands;

namespace SupplyChain.Cli;

/// <summary>Runs one command line against the server; in-process so tests can drive it.</summary>
public static class Cli
{
    private const string ServerVariable = "SUPPLYCHAIN_SERVER";
    private const string DefaultServer = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        Command? command = null;
        try
        {
            var (server, words) = TakeServer(args);
            if (words.Count == 0 || words[0] is "help" or "--help" or "-h")
            {
                return Help.Write(stdout, words.Skip(1).ToList());
            }

            (command, var rest) = CommandCatalog.Find(words);
            var line = CommandLine.Parse(rest);
            if (line.Flag("help"))
            {
                Help.WriteCommand(stdout, command);
                return ExitCode.Success;
            }

            using var channel = GrpcChannel.ForAddress(server);
            return await command.RunAsync(new CommandContext(line, channel, stdout)).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync(command is null
                ? "run 'supplychain help' for the list of commands"
                : $"usage: supplychain {command.Name} {command.Synopsis}").ConfigureAwait(false);
            return ExitCode.Usage;
        }
        catch (RpcException e)
        {
            await stderr.WriteLineAsync($"error: {e.StatusCode}: {e.Status.Detail}").ConfigureAwait(false);
            return ExitCode.For(e.StatusCode);
        }
    }

    // --server is global, so it may stand anywhere on the line.
    private static (Uri Server, List<string> Words) TakeServer(string[] args)
    {
        string? server = null;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--server")
            {
                server = i + 1 < args.Length ? args[++i] : throw new UsageException("--server needs a URL");
            }
            else if (args[i].StartsWith("--server=", StringComparison.Ordinal))
            {
                server = args[i]["--server=".Length..];
            }
            else
            {
                words.Add(args[i]);
            }
        }

        server ??= Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : DefaultServer;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"server '{server}' is not an http:// or https:// URL");
        }

        return (uri, words);
    }
}
