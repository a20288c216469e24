using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupplyChain.Domain.Links;

/// <summary>A Digital Link's links as a linkset (RFC 9264 JSON) in the shape GS1-Conformant Resolver 1.x asks for.</summary>
public static class Linkset
{
    public const string MediaType = "application/linkset+json";

    /// <summary>The linkset context that turns the JSON into JSON-LD, named in the response's Link header.</summary>
    public const string Context = "https://ref.gs1.org/standards/resolver/linkset-context";

    public static string Write(DigitalLink link, string domain, string itemDescription)
    {
        var entry = new JsonObject
        {
            ["anchor"] = link.On(domain),
            ["itemDescription"] = itemDescription,
        };
        foreach (var target in LinkTarget.Of(link, domain))
        {
            var item = new JsonObject { ["href"] = target.Href, ["title"] = target.Type.Title, ["type"] = target.MediaType };
            if (target.Languages.Count > 0)
            {
                item["hreflang"] = new JsonArray(target.Languages.Select(language => (JsonNode?)JsonValue.Create(language)).ToArray());
            }

            entry[target.Type.Iri] = new JsonArray(item);
        }

        return new JsonObject { ["linkset"] = new JsonArray(entry) }.ToJsonString(Options);
    }

    /// <summary>The resolver description GS1 asks for at /.well-known/gs1resolver.</summary>
    public static string Description(string domain, string name) =>
        new JsonObject
        {
            ["name"] = name,
            ["resolverRoot"] = LinkDomain.Normalise(domain),
            ["supportedPrimaryKeys"] = new JsonArray("01"),
            ["supportedLinkType"] = new JsonArray(new JsonObject { ["namespace"] = LinkType.Namespace, ["prefix"] = LinkType.Prefix }),
            ["linkTypeDefaultCanBeLinkset"] = false,
        }.ToJsonString(Options);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
}
