using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupplyChain.Cli.Auth;

/// <summary>
/// Development tokens: JWTs signed (HS256) with a local key that the development server trusts. Whoever holds the key
/// is the token authority, so it stays on the developer's machine (<c>.data/dev-signing-key</c>, never committed).
/// </summary>
public static class DevTokens
{
    /// <summary>The issuer and audience a development server expects unless configured otherwise.</summary>
    public const string Issuer = "supplychain-dev";

    public const string Audience = "supplychain";

    /// <summary>The claim carrying the caller's GLN, and the claim carrying its roles (one value each).</summary>
    public const string GlnClaim = "gln";

    public const string RolesClaim = "roles";

    /// <summary>The roles a token can carry: the participant roles, and admin.</summary>
    public static readonly IReadOnlyList<string> RoleNames = new[] { "producer", "processor", "distributor", "retailer", "lab", "auditor", "admin" };

    /// <summary>A new random 256-bit key, base64.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads a key file (base64 of at least 32 bytes); refuses anything else with a message naming the file.</summary>
    public static byte[] ReadKey(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"development signing key {path} does not exist (scripts/run creates it on first start)", path);
        }

        return Decode(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>A base64 key of at least 32 bytes.</summary>
    public static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new FormatException($"signing key from {source} is not base64");
        }

        return key.Length >= 32 ? key : throw new FormatException($"signing key from {source} has {key.Length} bytes; at least 32 are needed");
    }

    /// <summary>A signed token for a participant (or, with no GLN, for an administrator or auditor acting as no participant).</summary>
    public static string Mint(byte[] key, string? gln, IEnumerable<string> roles, TimeSpan lifetime, DateTimeOffset? now = null, string issuer = Issuer, string audience = Audience)
    {
        var issued = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim> { new("sub", gln ?? "dev-" + string.Join('-', roles)) };
        if (gln is not null)
        {
            claims.Add(new Claim(GlnClaim, gln));
        }

        claims.AddRange(roles.Distinct().Select(role => new Claim(RolesClaim, role)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issued,
            NotBefore = issued.AddSeconds(-1),
            Expires = issued + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
