namespace SupplyChain.Server.Links;

/// <summary>The Digital Link resolver's settings (section "Links").</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>The domain canonical links are written on (https://id.example.vn); when empty, the address a request came to.</summary>
    public string? Domain { get; set; }

    /// <summary>Pages, linksets and images one client address may ask for per minute; a scraper gets 429 beyond it.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>How long a verified hash chain is trusted for the same version of a batch before it is read and checked again.</summary>
    public TimeSpan VerifiedFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a rendered lot page is served again for the same version of the lot (0: render every page).</summary>
    public TimeSpan PageKeptFor { get; set; } = TimeSpan.FromSeconds(10);
}
