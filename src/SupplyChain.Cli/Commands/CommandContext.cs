using Grpc.Net.Client;
using SupplyChain.Cli.Arguments;

namespace SupplyChain.Cli.Commands;

/// <summary>What a command works with: its arguments, the channel to the server and where to print.</summary>
internal sealed record CommandContext(CommandLine Line, GrpcChannel Channel, TextWriter Out);
