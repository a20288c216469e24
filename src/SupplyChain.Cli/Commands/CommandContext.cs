using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Auth;

namespace SupplyChain.Cli.Commands;

/// <summary>
/// What a command works with: its arguments, the calls to the server (carrying the caller's token), the bare channel
/// (for commands that sign their calls themselves), where tokens live, and where to print.
/// </summary>
internal sealed record CommandContext(CommandLine Line, CallInvoker Channel, GrpcChannel Bare, Credentials Credentials, TextWriter Out)
{
    /// <summary>Calls signed with the development key, each as the party its request names.</summary>
    public CallInvoker DevSigned(string? keyFile) => Bare.Intercept(new DevSigner(DevTokens.ReadKey(Credentials.DevKeyFile(keyFile))));
}
