using Grpc.Core;

namespace SupplyChain.Cli;

/// <summary>Process exit codes: one per gRPC status a script may want to tell apart.</summary>
internal static class ExitCode
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 64;

    public static int For(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument => 2,
        StatusCode.NotFound => 3,
        StatusCode.FailedPrecondition => 4,
        StatusCode.AlreadyExists => 5,
        StatusCode.PermissionDenied => 6,
        StatusCode.Unavailable => 7,
        StatusCode.Unauthenticated => 8,
        StatusCode.ResourceExhausted => 9,
        _ => Failure,
    };
}
