using System.Text.Json.Nodes;

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

    /// <summary>
    /// A JSON document with every Digital Link written on GS1's resolver moved to another domain, in place: the same
    /// identifiers (a Digital Link means the same on any host), on the links a company's labels carry.
    /// </summary>
    public static JsonNode? Rewrite(JsonNode? node, string domain)
    {
        var target = Normalise(domain);
        if (target == Gs1)
        {
            return node;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(Gs1 + "/", StringComparison.Ordinal))
                    {
                        o[name] = target + text[Gs1.Length..];
                    }
                    else
                    {
                        Rewrite(value, target);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(Gs1 + "/", StringComparison.Ordinal))
                    {
                        a[i] = target + text[Gs1.Length..];
                    }
                    else
                    {
                        Rewrite(a[i], target);
                    }
                }

                break;
        }

        return node;
    }
}
