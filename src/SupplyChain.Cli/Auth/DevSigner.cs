using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SupplyChain.Cli.Auth;

/// <summary>
/// Signs each call, with the development key, as the party its request names: an administrator registers participants
/// and chains, <c>producer_gln</c> registers products and creates batches, <c>actor_gln</c> acts, <c>auditor_gln</c>
/// audits, <c>participant_gln</c> reads its own lists; any other read is an auditor's. It stands in for a token
/// authority where one process speaks for many parties: loading the demonstration data, tests and the benchmark.
/// </summary>
public sealed class DevSigner(byte[] key) : Interceptor
{
    private static readonly string[] Operator = { "producer", "processor", "distributor", "retailer", "lab" };
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string? Gln, string Roles), (string Token, DateTimeOffset Renew)> _tokens = new();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, BearerToken.WithToken(context, TokenFor(request)));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, BearerToken.WithToken(context, TokenFor(request)));

    /// <summary>Who a request says is acting, and as what.</summary>
    public static (string? Gln, IReadOnlyList<string> Roles) Acting(object request)
    {
        if (request is not IMessage message)
        {
            return (null, new[] { "auditor" });
        }

        string? Field(string name) => message.Descriptor.FindFieldByName(name)?.Accessor.GetValue(message) as string is { Length: > 0 } value ? value : null;
        return message.Descriptor.Name switch
        {
            "RegisterParticipantRequest" or "DefineChainRequest" => (null, new[] { "admin" }),
            "RegisterProductRequest" or "CreateBatchRequest" when Field("producer_gln") is { } producer => (producer, new[] { "producer" }),
            _ when Field("auditor_gln") is { } auditor => (auditor, new[] { "auditor" }),
            _ when Field("actor_gln") is { } actor => (actor, Operator),
            _ when Field("participant_gln") is { } participant => (participant, Operator),
            _ => (null, new[] { "auditor" }),
        };
    }

    private string TokenFor(object request)
    {
        var (gln, roles) = Acting(request);
        var now = DateTimeOffset.UtcNow;
        var entry = _tokens.AddOrUpdate(
            (gln, string.Join(',', roles)),
            _ => (DevTokens.Mint(key, gln, roles, Lifetime, now), now + Lifetime / 2),
            (_, old) => old.Renew > now ? old : (DevTokens.Mint(key, gln, roles, Lifetime, now), now + Lifetime / 2));
        return entry.Token;
    }
}
