using System.Text.Json;
using SupplyChain.Domain.Epcis.HashId;
using SupplyChain.Domain.Epcis.Query;
using static SupplyChain.Domain.Tests.Epcis.Query.EventQueryParserTests;

namespace SupplyChain.Domain.Tests.Epcis.Query;

public sealed class EventQueryMatchTests
{
    private static readonly JsonElement Shipping = JsonDocument.Parse("""
        {"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00.000+07:00","eventTimeZoneOffset":"+07:00",
         "recordTime":"2024-05-01T01:00:05.250Z","action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",
         "epcList":["urn:epc:id:sgtin:8930000.000001.S9"],
         "quantityList":[{"epcClass":"urn:epc:class:lgtin:8930000.000001.L1","quantity":12,"uom":"KGM"}],
         "readPoint":{"id":"urn:epc:id:sgln:8936047.80007.0"},"bizLocation":{"id":"https://id.gs1.org/414/8936047800070"}}
        """).RootElement;

    private static readonly JsonElement Transformation = JsonDocument.Parse("""
        {"type":"TransformationEvent","eventTime":"2024-05-02T08:00:00Z","eventTimeZoneOffset":"+00:00",
         "eventID":"urn:uuid:5b6c1e0a-6f0e-4d7b-9a52-2f4f0d3b1c11",
         "inputQuantityList":[{"epcClass":"https://id.gs1.org/01/08930000000019/10/L1","quantity":12,"uom":"KGM"}],
         "outputQuantityList":[{"epcClass":"https://id.gs1.org/01/08930000000019/10/L2","quantity":10,"uom":"KGM"}],
         "bizStep":"https://ref.gs1.org/cbv/BizStep-commissioning"}
        """).RootElement;

    [Theory]
    [InlineData("eventType", "ObjectEvent", true, false)]
    [InlineData("eventType", "AggregationEvent|TransformationEvent", false, true)]
    [InlineData("EQ_action", "OBSERVE", true, false)]
    [InlineData("EQ_bizStep", "urn:epcglobal:cbv:bizstep:shipping", true, false)]
    [InlineData("EQ_bizStep", "commissioning", false, true)]
    [InlineData("EQ_disposition", "https://ref.gs1.org/cbv/Disp-in_transit", true, false)]
    [InlineData("EQ_readPoint", "https://id.gs1.org/414/8936047800070", true, false)]
    [InlineData("EQ_bizLocation", "urn:epc:id:sgln:8936047.80007.0", true, false)]
    [InlineData("MATCH_epc", "https://id.gs1.org/01/08930000000019/21/S9", true, false)]
    [InlineData("MATCH_epc", "urn:epc:idpat:sgtin:8930000.000001.*", true, false)]
    [InlineData("MATCH_epc", "urn:epc:id:sgtin:8930000.000001.S8", false, false)]
    [InlineData("MATCH_anyEPCClass", "urn:epc:class:lgtin:8930000.000001.L1", true, true)]
    [InlineData("MATCH_anyEPCClass", "urn:epc:idpat:sgtin:8930000.000001.*", true, true)]
    [InlineData("MATCH_epcClass", "https://id.gs1.org/01/08930000000019/10/L1", true, false)]
    [InlineData("MATCH_inputEPCClass", "https://brand.example/01/8930000000019/10/L1", false, true)]
    [InlineData("MATCH_outputEPCClass", "https://id.gs1.org/01/08930000000019/10/L1", false, false)]
    [InlineData("MATCH_outputEPCClass", "https://id.gs1.org/01/08930000000019/10/*", false, true)]
    [InlineData("EQ_eventID", "urn:uuid:5b6c1e0a-6f0e-4d7b-9a52-2f4f0d3b1c11", false, true)]
    [InlineData("GE_eventTime", "2024-05-01T01:00:00Z", true, true)]
    [InlineData("LT_eventTime", "2024-05-01T01:00:00.001Z", true, false)]
    [InlineData("GE_recordTime", "2024-05-01T01:00:05.250Z", true, false)]
    [InlineData("LT_recordTime", "2024-05-01T01:00:05.250Z", false, false)]
    public void Each_parameter_selects_the_events_it_names(string name, string value, bool shipping, bool transformation)
    {
        var query = Parse((name, value));

        Assert.Equal((shipping, transformation), (query.Matches(Shipping), query.Matches(Transformation)));
    }

    [Fact]
    public void Parameters_combine_with_and()
    {
        Assert.True(Parse(("EQ_bizStep", "shipping"), ("MATCH_anyEPCClass", "urn:epc:class:lgtin:8930000.000001.L1")).Matches(Shipping));
        Assert.False(Parse(("EQ_bizStep", "receiving"), ("MATCH_anyEPCClass", "urn:epc:class:lgtin:8930000.000001.L1")).Matches(Shipping));
        Assert.True(Parse().Matches(Transformation));
    }

    [Fact]
    public void An_event_without_an_id_is_found_by_its_hash_id()
    {
        var id = EventHashId.Of(Shipping);

        Assert.True(Parse(("EQ_eventID", id)).Matches(Shipping));
        Assert.False(Parse(("EQ_eventID", id)).Matches(Transformation));
    }
}
