namespace SupplyChain.Server.Hosting;

/// <summary>
/// Who issues the bearer tokens the server accepts: an OpenID Connect authority (production), or a local signing key
/// (development: <c>scripts/run</c> creates one in .data/). With neither, the server refuses to start.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>OpenID Connect authority URL; its discovery document gives the issuer and signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = "supplychain";

    /// <summary>The issuer of tokens signed with the local key.</summary>
    public string Issuer { get; set; } = "supplychain-dev";

    /// <summary>Local HS256 signing key, base64 of at least 32 bytes (for example from a Kubernetes Secret).</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding the local signing key (base64).</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The claim carrying the caller's GLN.</summary>
    public string GlnClaim { get; set; } = "gln";

    /// <summary>The claim carrying the caller's roles: producer, processor, distributor, retailer, lab, auditor, admin.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Whether the authority's metadata must come over HTTPS (leave on outside tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Calls a participant may make per second, sustained (a token bucket per token subject).</summary>
    public int RequestsPerSecond { get; set; } = 2000;

    /// <summary>Calls a participant may make in a burst above the sustained rate.</summary>
    public int Burst { get; set; } = 4000;
}
