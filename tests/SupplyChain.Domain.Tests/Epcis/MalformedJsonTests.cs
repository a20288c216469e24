using SupplyChain.Domain.Epcis;

namespace SupplyChain.Domain.Tests.Epcis;

public sealed class MalformedJsonTests
{
    [Theory]
    [InlineData("""{"type": "EPCISDocument", "epcisBody": {"eventList": [}}""", "$.epcisBody.eventList[0]")]
    [InlineData("""{"epcisBody": {"eventList": [{"type": "ObjectEvent"}, {"type": "ObjectEvent", "eventTime": }]}}""", "$.epcisBody.eventList[1].eventTime")]
    [InlineData("""{"a": [1, 2, [3, x]]}""", "$.a[2][1]")]
    [InlineData("""{"a": 1""", "$.a")]
    [InlineData("""nonsense""", "$")]
    public void A_broken_text_is_located_by_its_json_path(string text, string path) =>
        Assert.Equal(path, MalformedJson.Locate(text));
}
