using System.Text.Json;

namespace SupplyChain.Domain.Epcis.HashId;

/// <summary>The compact IRI prefixes an EPCIS JSON-LD document declares, over those of the standard context.</summary>
public sealed class JsonLdPrefixes
{
    private readonly Dictionary<string, string> _namespaces;

    private JsonLdPrefixes(Dictionary<string, string> namespaces)
    {
        _namespaces = namespaces;
    }

    /// <summary>The prefixes of the EPCIS 2.0 context alone.</summary>
    public static JsonLdPrefixes Standard { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["epcis"] = "https://ref.gs1.org/epcis/",
        ["cbv"] = "https://ref.gs1.org/cbv/",
        ["cbvmda"] = "urn:epcglobal:cbv:mda:",
        ["gs1"] = "https://gs1.org/voc/",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["dcterms"] = "http://purl.org/dc/terms/",
    });

    /// <summary>These prefixes with those of an "@context" value (a URL, an object or an array of both) added.</summary>
    public JsonLdPrefixes With(JsonElement context)
    {
        var namespaces = new Dictionary<string, string>(_namespaces, StringComparer.Ordinal);
        Collect(context, namespaces);
        return new JsonLdPrefixes(namespaces);
    }

    /// <summary>The namespace a prefix stands for, or null when it is not declared.</summary>
    public string? Namespace(string prefix) => _namespaces.GetValueOrDefault(prefix);

    /// <summary>A compact IRI (prefix:rest) expanded; anything else unchanged.</summary>
    public string Expand(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || value.AsSpan(colon + 1).StartsWith("//"))
        {
            return value;
        }

        return Namespace(value[..colon]) is { } ns ? ns + value[(colon + 1)..] : value;
    }

    private static void Collect(JsonElement context, Dictionary<string, string> namespaces)
    {
        if (context.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in context.EnumerateArray())
            {
                Collect(item, namespaces);
            }
        }
        else if (context.ValueKind == JsonValueKind.Object)
        {
            foreach (var term in context.EnumerateObject())
            {
                if (term.Value.ValueKind == JsonValueKind.String && !term.Name.StartsWith('@') && term.Value.GetString() is { } ns && ns.Contains(':', StringComparison.Ordinal))
                {
                    namespaces[term.Name] = ns;
                }
            }
        }
    }
}
