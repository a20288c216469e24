using System.Text.Json;
using SupplyChain.Domain.Links;

namespace SupplyChain.Domain.Tests.Links;

/// <summary>The linkset and link types a GS1-Conformant resolver answers with.</summary>
public sealed class LinksetTests
{
    private const string Domain = "https://id.example.vn";

    [Fact]
    public void A_lots_linkset_anchors_on_its_canonical_link_and_lists_page_product_certificate_and_EPCIS_events()
    {
        var link = DigitalLink.Parse("/01/8938000100029/10/LDD-260408-M");

        using var json = JsonDocument.Parse(Linkset.Write(link, Domain, "Coarse salt"));
        var entry = json.RootElement.GetProperty("linkset")[0];

        Assert.Equal("https://id.example.vn/01/08938000100029/10/LDD-260408-M", entry.GetProperty("anchor").GetString());
        Assert.Equal("Coarse salt", entry.GetProperty("itemDescription").GetString());
        Assert.Equal("https://id.example.vn/01/08938000100029/10/LDD-260408-M", Href(entry, "defaultLink"));
        Assert.Equal("https://id.example.vn/01/08938000100029", Href(entry, "pip"));
        Assert.Equal("https://id.example.vn/01/08938000100029/10/LDD-260408-M#ocop", Href(entry, "certificationInfo"));
        Assert.Equal(
            "https://id.example.vn/epcis/events?MATCH_anyEPCClass=https%3A%2F%2Fid.example.vn%2F01%2F08938000100029%2F10%2FLDD-260408-M",
            Href(entry, "epcis"));
        Assert.Equal(["vi", "en"], entry.GetProperty("https://ref.gs1.org/voc/defaultLink")[0].GetProperty("hreflang").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_product_without_a_lot_has_no_EPCIS_events_link()
    {
        using var json = JsonDocument.Parse(Linkset.Write(DigitalLink.Parse("/01/8938000100029"), Domain, "Coarse salt"));

        Assert.False(json.RootElement.GetProperty("linkset")[0].TryGetProperty("https://ref.gs1.org/voc/epcis", out _));
    }

    [Theory]
    [InlineData("gs1:pip", "gs1:pip")]
    [InlineData("https://ref.gs1.org/voc/epcis", "gs1:epcis")]
    [InlineData("https://gs1.org/voc/certificationInfo", "gs1:certificationInfo")]
    [InlineData("gs1:recipeInfo", null)]
    [InlineData("pip", null)]
    public void Link_types_are_found_by_CURIE_or_IRI(string name, string? curie)
    {
        Assert.Equal(curie, LinkType.Find(name)?.Curie);
    }

    [Fact]
    public void The_resolver_description_names_its_root_and_primary_key()
    {
        using var json = JsonDocument.Parse(Linkset.Description(Domain, "test"));

        Assert.Equal(Domain, json.RootElement.GetProperty("resolverRoot").GetString());
        Assert.Equal("01", json.RootElement.GetProperty("supportedPrimaryKeys")[0].GetString());
        Assert.Equal("gs1:", json.RootElement.GetProperty("supportedLinkType")[0].GetProperty("prefix").GetString());
    }

    private static string? Href(JsonElement entry, string type) =>
        entry.GetProperty(LinkType.Namespace + type)[0].GetProperty("href").GetString();
}
