using System.Threading.RateLimiting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyChain.Domain.Access;
using SupplyChain.Server.Hosting;
using SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>
/// The gate every call passes (health and reflection excepted): a valid bearer token (UNAUTHENTICATED otherwise, saying
/// why), the participant's rate (RESOURCE_EXHAUSTED), and the rulebook's answer for the call's act, which fills empty
/// acting-party fields from the token. Checks that need a batch's state (reading it) are in the application layer.
/// </summary>
public sealed class Access : Interceptor, IDisposable
{
    private static readonly string[] Anonymous = { "/grpc.health.v1.Health/", "/grpc.reflection.v1alpha.ServerReflection/", "/grpc.reflection.v1.ServerReflection/" };
    private readonly AuthOptions _options;
    private readonly PartitionedRateLimiter<string> _rates;

    public Access(IOptions<AuthOptions> options)
    {
        _options = options.Value;

        // Built once, not at every call: the partitioned limiter's own timer replenishes every subject's bucket.
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, _options.Burst),
            TokensPerPeriod = Math.Max(1, _options.RequestsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        Func<string, RateLimiter> limiter = _ => new TokenBucketRateLimiter(bucket);
        _rates = PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.Get(subject, limiter));
    }

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsAnonymous(context.Method))
        {
            await AdmitAsync(request, context);
        }

        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!IsAnonymous(context.Method))
        {
            await AdmitAsync(request, context);
        }

        await continuation(request, responseStream, context);
    }

    public void Dispose() => _rates.Dispose();

    private static bool IsAnonymous(string method)
    {
        foreach (var prefix in Anonymous)
        {
            if (method.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task AdmitAsync(object request, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        var length = http.Request.Headers.Authorization.ToString().Length;
        if (length > HeaderLimits.BearerTokenLength)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"the authorization header has {length} characters; at most {HeaderLimits.BearerTokenLength} are accepted"));
        }

        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, Why(result, http.Request.Headers.Authorization.ToString())));
        }

        var caller = CallerClaims.Read(result.Principal, _options.GlnClaim, _options.RolesClaim);
        using var lease = _rates.AttemptAcquire(caller.Subject);
        if (!lease.IsAcquired)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"{caller.Subject} made more than {_options.RequestsPerSecond} calls per second (burst {_options.Burst}); retry after a moment"));
        }

        Rules(request, caller);
        CallerClaims.Attach(caller, context);
    }

    /// <summary>Names the act of each call and its acting-party field for the rulebook, which decides; reads of a batch or chain are checked where its state is read.</summary>
    private static void Rules(object request, Caller caller)
    {
        switch (request)
        {
            case RegisterParticipantRequest:
                Rulebook.Permit(caller, Act.RegisterParticipant);
                break;
            case DefineChainRequest:
                Rulebook.Permit(caller, Act.DefineChain);
                break;
            case RegisterProductRequest r:
                r.ProducerGln = Rulebook.Acting(caller, Act.RegisterProduct, "producer_gln", r.ProducerGln);
                break;
            case CreateBatchRequest r:
                r.ProducerGln = Rulebook.Acting(caller, Act.CreateBatch, "producer_gln", r.ProducerGln);
                break;
            case RecordCheckpointRequest r:
                r.ActorGln = Rulebook.Acting(caller, Checkpoint(r.Kind), "actor_gln", r.ActorGln);
                break;
            case ShipBatchRequest r:
                r.ActorGln = Rulebook.Acting(caller, Act.Ship, "actor_gln", r.ActorGln);
                break;
            case ReceiveBatchRequest r:
                r.ActorGln = Rulebook.Acting(caller, Act.Receive, "actor_gln", r.ActorGln);
                break;
            case SplitBatchRequest r:
                r.ActorGln = Rulebook.Acting(caller, Act.Split, "actor_gln", r.ActorGln);
                break;
            case MergeBatchesRequest r:
                r.ActorGln = Rulebook.Acting(caller, Act.Merge, "actor_gln", r.ActorGln);
                break;
            case TransformBatchesRequest r:
                r.ActorGln = Rulebook.Acting(caller, Act.Transform, "actor_gln", r.ActorGln);
                break;
            case RecallRequest r:
                r.AuditorGln = Rulebook.Acting(caller, Act.Recall, "auditor_gln", r.AuditorGln);
                break;
            case HoldRequest r:
                r.AuditorGln = Rulebook.Acting(caller, Act.Hold, "auditor_gln", r.AuditorGln);
                break;
            case ImportEpcisRequest r:
                r.ActorGln = Rulebook.Acting(caller, Act.Import, "actor_gln", r.ActorGln);
                break;
            case ListBatchesRequest r:
                r.ParticipantGln = Rulebook.Acting(caller, Act.ListBatches, "participant_gln", r.ParticipantGln);
                break;
            case WatchAlertsRequest { AudienceCase: WatchAlertsRequest.AudienceOneofCase.ParticipantGln } r:
                r.ParticipantGln = Rulebook.Acting(caller, Act.WatchAlerts, "participant_gln", r.ParticipantGln);
                break;
            case ListUnreadAlertsRequest r:
                r.ParticipantGln = Rulebook.Acting(caller, Act.ReadAlerts, "participant_gln", r.ParticipantGln);
                break;
            case AcknowledgeAlertsRequest r:
                r.ParticipantGln = Rulebook.Acting(caller, Act.AcknowledgeAlerts, "participant_gln", r.ParticipantGln);
                break;
            case RegisterWebhookRequest r:
                r.ParticipantGln = Rulebook.Acting(caller, Act.RegisterWebhook, "participant_gln", r.ParticipantGln);
                break;
            case ListDeliveriesRequest r:
                r.ParticipantGln = Rulebook.Acting(caller, Act.ReadDeliveries, "participant_gln", r.ParticipantGln);
                break;
        }
    }

    /// <summary>The act of a checkpoint request; a kind the request reader refuses is checked as a production step's.</summary>
    private static Act Checkpoint(CheckpointKind kind) => kind switch
    {
        CheckpointKind.FoodSafety => Act.FoodSafetyCheckpoint,
        CheckpointKind.Environmental => Act.EnvironmentalCheckpoint,
        _ => Act.ProductionCheckpoint,
    };

    internal static string Why(AuthenticateResult result, string header)
    {
        if (header.Length == 0)
        {
            return "no bearer token: every call needs an 'authorization: Bearer <JWT>' header (supplychain login)";
        }

        return result.Failure switch
        {
            null => "the authorization header is not 'Bearer <JWT>'",
            SecurityTokenExpiredException e => $"the token expired at {e.Expires:u}",
            SecurityTokenNotYetValidException e => $"the token is not valid before {e.NotBefore:u}",
            SecurityTokenNoExpirationException => "the token has no expiry time (exp)",
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token's signature does not match the server's signing key",
            SecurityTokenInvalidIssuerException => $"the token's issuer '{Claim(header, jwt => jwt.Issuer)}' is not trusted",
            SecurityTokenInvalidAudienceException => $"the token's audience '{Claim(header, jwt => string.Join(' ', jwt.Audiences))}' is not this service's",
            SecurityTokenInvalidAlgorithmException e => $"the token's algorithm '{e.InvalidAlgorithm}' is not accepted",
            SecurityTokenMalformedException or ArgumentException => "the bearer token is not a well-formed JWT",
            var other => $"the token was refused: {other.GetType().Name}",
        };
    }

    /// <summary>A claim of the (refused, so unverified) token, for the message.</summary>
    private static string Claim(string header, Func<JsonWebToken, string> read)
    {
        try
        {
            return read(new JsonWebToken(header["Bearer ".Length..].Trim()));
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }
}
