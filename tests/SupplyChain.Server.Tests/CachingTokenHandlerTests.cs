extern alias server;

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyChain.Cli.Auth;
using CachingTokenHandler = server::SupplyChain.Server.Hosting.CachingTokenHandler;

namespace SupplyChain.Server.Tests;

/// <summary>
/// The remembered validations of bearer tokens: a token validated once is accepted again without validating it, and
/// never once validation, on the same clock, would refuse it.
/// </summary>
public sealed class CachingTokenHandlerTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly Clock _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly CountingHandler _inner = new();

    [Fact]
    public async Task A_validated_token_is_accepted_again_with_its_claims_without_validating_it_again()
    {
        var cache = new CachingTokenHandler(_inner, _clock);
        var token = Mint("8930000000019", TimeSpan.FromHours(1), "producer", "lab");

        var first = await cache.ValidateTokenAsync(token, Parameters());
        _clock.Now += TimeSpan.FromMinutes(59);
        var again = await cache.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid, $"first validation refused: {first.Exception}");
        Assert.True(again.IsValid, "the remembered token was refused");
        Assert.Equal(1, _inner.Calls);
        Assert.Equal("8930000000019", again.ClaimsIdentity.FindFirst(DevTokens.GlnClaim)?.Value);
        Assert.Equal(["producer", "lab"], again.ClaimsIdentity.FindAll(DevTokens.RolesClaim).Select(c => c.Value));
        Assert.Equal(first.SecurityToken.ValidTo, again.SecurityToken.ValidTo);
        Assert.IsType<CaseSensitiveClaimsIdentity>(again.ClaimsIdentity);
        Assert.NotSame(first.ClaimsIdentity, again.ClaimsIdentity);
    }

    [Fact]
    public async Task From_its_expiry_a_token_is_validated_again_at_every_call_and_refused_once_validation_refuses_it()
    {
        var cache = new CachingTokenHandler(_inner, _clock);
        var token = Mint("8930000000019", TimeSpan.FromMinutes(5), "producer");
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        var expiry = _clock.Now + TimeSpan.FromMinutes(5);

        _clock.Now = expiry - TimeSpan.FromSeconds(1);
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(1, _inner.Calls);

        // Validation still accepts it within the clock skew, but the cache no longer answers for it.
        _clock.Now = expiry;
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(3, _inner.Calls);

        _clock.Now = expiry + Skew + TimeSpan.FromSeconds(1);
        var refused = await cache.ValidateTokenAsync(token, Parameters());
        Assert.False(refused.IsValid, "an expired token was accepted");
        Assert.IsType<SecurityTokenInvalidLifetimeException>(refused.Exception);
        Assert.Equal(4, _inner.Calls);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_refused_token_is_never_remembered_and_is_refused_with_its_reason_every_time()
    {
        var cache = new CachingTokenHandler(_inner, _clock);
        var forged = DevTokens.Mint(RandomNumberGenerator.GetBytes(32), "8930000000019", ["producer"], TimeSpan.FromHours(1), _clock.Now);

        for (var i = 1; i <= 3; i++)
        {
            var refused = await cache.ValidateTokenAsync(forged, Parameters());
            Assert.False(refused.IsValid, $"a forged token was accepted at try {i}");
            Assert.IsAssignableFrom<SecurityTokenSignatureKeyNotFoundException>(refused.Exception);
            Assert.Equal(i, _inner.Calls);
        }

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task When_full_it_forgets_what_it_holds_and_keeps_validating()
    {
        var cache = new CachingTokenHandler(_inner, _clock, capacity: 2);
        var tokens = new[] { "8930000000019", "8930000000026", "8930000000033" }.Select(gln => Mint(gln, TimeSpan.FromHours(1), "producer")).ToList();

        foreach (var token in tokens)
        {
            Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);
            Assert.InRange(cache.Count, 1, 2);
        }

        Assert.True((await cache.ValidateTokenAsync(tokens[2], Parameters())).IsValid);
        Assert.Equal(3, _inner.Calls);

        // The third emptied it: the first is validated again, and accepted.
        Assert.True((await cache.ValidateTokenAsync(tokens[0], Parameters())).IsValid);
        Assert.Equal(4, _inner.Calls);
        Assert.Equal(2, cache.Count);
    }

    private string Mint(string gln, TimeSpan lifetime, params string[] roles) => DevTokens.Mint(_key, gln, roles, lifetime, _clock.Now);

    /// <summary>The server's validation settings, with the lifetime checked on the test's clock instead of the machine's.</summary>
    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = DevTokens.Issuer,
        ValidAudience = DevTokens.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(_key),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = Skew,
        NameClaimType = DevTokens.GlnClaim,
        RoleClaimType = DevTokens.RolesClaim,
        LifetimeValidator = (notBefore, expires, _, parameters) =>
            (notBefore is not { } from || from - parameters.ClockSkew <= _clock.Now.UtcDateTime)
            && expires is { } until && _clock.Now.UtcDateTime < until + parameters.ClockSkew,
    };

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _calls;

        public CountingHandler() => MapInboundClaims = false;

        public int Calls => Volatile.Read(ref _calls);

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _calls);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
