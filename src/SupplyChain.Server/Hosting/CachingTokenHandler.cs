using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace SupplyChain.Server.Hosting;

/// <summary>
/// Validates a bearer token with <paramref name="inner"/> once and remembers the success, keyed by the exact token text,
/// until the token's expiry (its <c>exp</c>, without the clock skew validation allows), so a client's calls are not each
/// checked again (signature, claims, lifetime). Refusals are never remembered: a changed, refused or expired token
/// always goes through <paramref name="inner"/> and is refused with its reason. At most <paramref name="capacity"/>
/// tokens are kept; when full, all are forgotten.
/// </summary>
public sealed class CachingTokenHandler(TokenHandler inner, TimeProvider clock, int capacity = CachingTokenHandler.DefaultCapacity) : TokenHandler
{
    /// <summary>Tokens remembered at most: far more than the clients of one server, a few kilobytes each.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Validated> _validated = new();

    /// <summary>How many tokens are remembered now.</summary>
    public int Count => _validated.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_validated.TryGetValue(token, out var known))
        {
            if (clock.GetUtcNow().UtcDateTime < known.Expires)
            {
                return known.Result();
            }

            _validated.TryRemove(new KeyValuePair<string, Validated>(token, known));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated && result.ClaimsIdentity is { } identity
            && clock.GetUtcNow().UtcDateTime < validated.ValidTo)
        {
            if (_validated.Count >= capacity)
            {
                _validated.Clear();
            }

            _validated[token] = new Validated(Copy(identity), validated, result.Issuer, result.TokenType);
        }

        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    // Each call gets its own identity, so nothing a call does to its principal reaches another call.
    private static ClaimsIdentity Copy(ClaimsIdentity identity) =>
        identity is CaseSensitiveClaimsIdentity ? new CaseSensitiveClaimsIdentity(identity) : identity.Clone();

    private sealed class Validated(ClaimsIdentity identity, SecurityToken token, string issuer, string tokenType)
    {
        public DateTime Expires { get; } = token.ValidTo;

        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            ClaimsIdentity = Copy(identity),
            SecurityToken = token,
            Issuer = issuer,
            TokenType = tokenType,
        };
    }
}
