using Azure;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Orleans.Runtime;
using Orleans.Storage;
using SupplyChain.Domain;

namespace SupplyChain.Server.Api;

/// <summary>Turns refusals and outages into precise gRPC statuses, so no known failure surfaces as UNKNOWN.</summary>
public sealed class ErrorMapping(ILogger<ErrorMapping> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await continuation(request, context);
            }
            catch (Exception ex) when (attempt < 3 && IsClusterChange(ex) && !context.CancellationToken.IsCancellationRequested)
            {
                // A silo left, or a grain moved, while the call was under way; every call is idempotent (event ids), so try again.
                logger.LogInformation("Call {Method} retried after {Exception}", context.Method, ex.GetType().Name);
                await Task.Delay(200 * attempt, context.CancellationToken);
            }
            catch (Exception ex) when (ex is not RpcException)
            {
                throw ToRpc(ex, context.Method);
            }
        }
    }

    // Also a write that met another activation's write: the grain has reloaded what is stored, so a retry sees it.
    private static bool IsClusterChange(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException or InconsistentStateException
        || (ex is AggregateException a ? a.InnerExceptions.Any(IsClusterChange) : ex.InnerException is { } inner && IsClusterChange(inner));

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw ToRpc(ex, context.Method);
        }
    }

    public RpcException ToRpc(Exception ex, string method)
    {
        var status = Classify(ex) ?? new Status(StatusCode.Internal, "internal error; it has been logged");
        if (status.StatusCode is StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss)
        {
            logger.LogError(ex, "Call {Method} failed with {Status}", method, status.StatusCode);
        }

        return new RpcException(status);
    }

    // What a gRPC caller is told to do about a passing failure; the REST door gives its own advice after the same cause.
    private const string RetryAdvice = "; retry with the same event_id";

    /// <summary>Why the failure passes (storage or the cluster unavailable or slow), without advice; null when it does not pass.</summary>
    public static string? Passing(Exception ex) => Classify(ex) is { StatusCode: StatusCode.Unavailable } status ? status.Detail[..^RetryAdvice.Length] : null;

    /// <summary>The status of the first exception in the chain (inner and aggregated ones included) that is known.</summary>
    private static Status? Classify(Exception ex)
    {
        var known = Known(ex);
        if (known is not null)
        {
            return known;
        }

        var inner = ex is AggregateException aggregate ? aggregate.InnerExceptions : ex.InnerException is { } one ? [one] : [];
        return inner.Select(Classify).FirstOrDefault(s => s is not null);
    }

    private static Status? Known(Exception ex) =>
        ex switch
        {
            DomainException d => new Status(Code(d.Refusal), d.Message),
            OperationCanceledException => new Status(StatusCode.Cancelled, "the call was cancelled"),
            InvalidDataException => new Status(StatusCode.DataLoss, ex.Message),
            System.Text.Json.JsonException => new Status(StatusCode.DataLoss, $"stored data does not parse ({ex.Message}): run VerifyBatch on the batch"),
            InconsistentStateException => Unavailable(ex.Message),
            // Storage refusing what the service sent (a malformed or oversized entity, a missing table) is the service's
            // fault and the same again on a retry; outages, throttling and write conflicts pass.
            RequestFailedException { Status: >= 400 and < 500 and not (408 or 409 or 412 or 429) } r =>
                new Status(StatusCode.Internal, $"storage refused the service's request ({r.Status} {r.ErrorCode}); it has been logged, and a retry would meet the same"),
            RequestFailedException r => Unavailable($"storage is unavailable ({r.Status} {r.ErrorCode})"),
            HttpRequestException => Unavailable("storage is unreachable"),
            TimeoutException => Unavailable("the cluster did not answer in time"),
            SiloUnavailableException or OrleansMessageRejectionException or ClientNotAvailableException => Unavailable($"the cluster is unavailable ({ex.GetType().Name})"),
            OrleansException when ex.InnerException is null => Unavailable($"the cluster is unavailable ({ex.Message})"),
            _ => null,
        };

    private static Status Unavailable(string cause) => new(StatusCode.Unavailable, cause + RetryAdvice);

    private static StatusCode Code(Refusal refusal) => refusal switch
    {
        Refusal.InvalidArgument => StatusCode.InvalidArgument,
        Refusal.NotFound => StatusCode.NotFound,
        Refusal.FailedPrecondition => StatusCode.FailedPrecondition,
        Refusal.AlreadyExists => StatusCode.AlreadyExists,
        Refusal.PermissionDenied => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };
}
