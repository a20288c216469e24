using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Domain.Tests.Epcis.Query;

public sealed class EpcFormatTests
{
    private const string Event = """
        {"type": "AggregationEvent", "parentID": "urn:epc:id:sscc:0614141.1234567890",
         "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017", "https://example.com/01/09521141012345/21/abc"],
         "childQuantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.012345.998877", "quantity": 200, "uom": "KGM"}],
         "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"}, "bizLocation": {"id": "https://id.gs1.org/414/9521234567899"}}
        """;

    [Fact]
    public void Digital_links_are_the_default_and_urns_become_links_while_links_stay_as_captured()
    {
        var e = JsonNode.Parse(Event)!.AsObject();

        EpcFormats.Apply(e, EpcFormats.Read(null)!.Value);

        Assert.Equal("https://id.gs1.org/00/106141412345678908", (string?)e["parentID"]);
        Assert.Equal(["https://id.gs1.org/01/10614141073464/21/2017", "https://example.com/01/09521141012345/21/abc"], e["childEPCs"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("https://id.gs1.org/01/04012345123456/10/998877", (string?)e["childQuantityList"]![0]!["epcClass"]);
        Assert.Equal("https://id.gs1.org/414/0614141073467/254/1234", (string?)e["readPoint"]!["id"]);
        Assert.Equal("https://id.gs1.org/414/9521234567899", (string?)e["bizLocation"]!["id"]);
        Assert.Equal(200, (int?)e["childQuantityList"]![0]!["quantity"]);
    }

    [Theory]
    [InlineData("Never_Translates")]
    [InlineData("No_Preference")]
    public void As_captured_changes_nothing(string header)
    {
        var e = JsonNode.Parse(Event)!.AsObject();

        EpcFormats.Apply(e, EpcFormats.Read(header)!.Value);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Event), e));
    }

    [Fact]
    public void Urns_cannot_be_asked_for_and_a_bad_value_is_refused_naming_the_header()
    {
        Assert.Null(EpcFormats.Read("Always_EPC_URN"));
        var refused = Assert.Throws<DomainException>(() => EpcFormats.Read("Sometimes"));
        Assert.StartsWith("GS1-EPC-Format", refused.Message, StringComparison.Ordinal);
    }
}
