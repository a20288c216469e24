namespace SupplyChain.Domain.Links;

/// <summary>The scheme and host that canonical Digital Links are written on, such as https://id.example.vn.</summary>
public static class LinkDomain
{
    /// <summary>GS1's global resolver: used when no domain of our own is configured.</summary>
    public const string Gs1 = "https://id.gs1.org";

    /// <summary>Checks a configured domain and drops a trailing slash; it must be an absolute http(s) URI without query.</summary>
    public static string Normalise(string? domain)
    {
        var text = (domain ?? "").Trim().TrimEnd('/');
        if (text.Length == 0)
        {
            return Gs1;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw DomainException.Invalid("links.domain", $"'{domain}' is not an http or https address such as https://id.example.vn");
        }

        return text;
    }
}
