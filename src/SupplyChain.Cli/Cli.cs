using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Auth;
using SupplyChain.Cli.Commands;

namespace SupplyChain.Cli;

/// <summary>Runs one command line against the server; in-process so tests can drive it.</summary>
public static class Cli
{
    private const string ServerVariable = "SUPPLYCHAIN_SERVER";
    private const string DefaultServer = "http://127.0.0.1:5080";
    private static readonly string[] Globals = { "--server", "--token-file", "--dev-key" };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        Command? command = null;
        try
        {
            var (server, tokenFile, devKey, words) = TakeGlobals(args);
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
            var credentials = new Credentials(tokenFile, devKey);
            // --dev-key signs each call as the party it names (scripts and tests); otherwise the logged-in token goes with every call.
            var calls = devKey is not null ? channel.Intercept(new DevSigner(DevTokens.ReadKey(devKey)))
                : credentials.Token() is { } token ? channel.Intercept(new BearerToken(token))
                : channel.CreateCallInvoker();
            return await command.RunAsync(new CommandContext(line, calls, channel, credentials, stdout)).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync(command is null
                ? "run 'supplychain help' for the list of commands"
                : $"usage: supplychain {command.Name} {command.Synopsis}").ConfigureAwait(false);
            return ExitCode.Usage;
        }
        catch (Exception e) when (e is FileNotFoundException or FormatException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCode.Usage;
        }
        catch (RpcException e)
        {
            await stderr.WriteLineAsync($"error: {e.StatusCode}: {e.Status.Detail}").ConfigureAwait(false);
            return ExitCode.For(e.StatusCode);
        }
    }

    // --server, --token-file and --dev-key are global, so they may stand anywhere on the line.
    private static (Uri Server, string? TokenFile, string? DevKey, List<string> Words) TakeGlobals(string[] args)
    {
        var globals = new Dictionary<string, string>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = Globals.FirstOrDefault(g => args[i] == g || args[i].StartsWith(g + "=", StringComparison.Ordinal));
            if (name is null)
            {
                words.Add(args[i]);
            }
            else if (args[i] == name)
            {
                globals[name] = i + 1 < args.Length ? args[++i] : throw new UsageException($"{name} needs a value");
            }
            else
            {
                globals[name] = args[i][(name.Length + 1)..];
            }
        }

        var server = globals.GetValueOrDefault("--server");

        server ??= Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : DefaultServer;
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"server '{server}' is not an http:// or https:// URL");
        }

        return (uri, globals.GetValueOrDefault("--token-file"), globals.GetValueOrDefault("--dev-key"), words);
    }
}
