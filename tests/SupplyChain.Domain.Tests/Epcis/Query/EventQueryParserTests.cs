using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Domain.Tests.Epcis.Query;

public sealed class EventQueryParserTests
{
    [Fact]
    public void Repeated_parameters_and_pipes_both_mean_or()
    {
        var repeated = Parse(("EQ_bizStep", "shipping"), ("EQ_bizStep", "urn:epcglobal:cbv:bizstep:receiving"));
        var piped = Parse(("EQ_bizStep", "shipping|https://ref.gs1.org/cbv/BizStep-receiving"));

        var expected = new[] { "https://ref.gs1.org/cbv/BizStep-shipping", "https://ref.gs1.org/cbv/BizStep-receiving" };
        Assert.Equal(expected, repeated.BizSteps);
        Assert.Equal(expected, piped.BizSteps);
    }

    [Fact]
    public void Every_named_parameter_is_known_and_an_unnamed_one_is_not()
    {
        foreach (var name in EventQueryParser.Names)
        {
            var refused = Record.Exception(() => EventQueryParser.Parse(new Dictionary<string, IReadOnlyList<string>> { [name] = ["?"] }));
            Assert.False(refused?.Message.Contains("SimpleEventQuery parameter", StringComparison.Ordinal) == true, $"{name}: {refused?.Message}");
        }

        var unknown = Assert.Throws<DomainException>(() => EventQueryParser.Parse(new Dictionary<string, IReadOnlyList<string>> { ["EQ_quantity"] = ["1"] }));
        Assert.DoesNotContain("EQ_quantity", EventQueryParser.Names);
        Assert.Contains("does not support", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_listed_parameter_is_read()
    {
        var query = Parse(
            ("eventType", "ObjectEvent|TransformationEvent"),
            ("GE_eventTime", "2024-05-01T08:00:00+07:00"),
            ("LT_eventTime", "2024-05-02T00:00:00Z"),
            ("GE_recordTime", "2024-05-01T00:00:00.000Z"),
            ("LT_recordTime", "2024-06-01T00:00:00 07:00"),
            ("EQ_action", "OBSERVE"),
            ("EQ_disposition", "in_transit"),
            ("EQ_readPoint", "urn:epc:id:sgln:8936047.80007.0"),
            ("EQ_bizLocation", "https://partner.example/414/8936047800070"),
            ("MATCH_epc", "urn:epc:idpat:sgtin:8930000.000001.*"),
            ("MATCH_anyEPCClass", "urn:epc:class:lgtin:8930000.000001.L1"),
            ("MATCH_epcClass", "https://id.gs1.org/01/08930000000019/10/*"),
            ("MATCH_inputEPCClass", "https://id.gs1.org/01/08930000000019/10/L1"),
            ("MATCH_outputEPCClass", "urn:epc:idpat:sgtin:8930000.000001.*"),
            ("EQ_eventID", "ni:///sha-256;00?ver=CBV2.0"),
            ("orderDirection", "ASC"),
            ("orderBy", "recordTime"),
            ("eventCountLimit", "50"),
            ("perPage", "20"),
            ("nextPageToken", "abc.def"));

        Assert.Equal(new[] { "ObjectEvent", "TransformationEvent" }, query.EventTypes);
        Assert.Equal(DateTimeOffset.Parse("2024-05-01T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), query.GeEventTime);
        Assert.Equal(DateTimeOffset.Parse("2024-05-31T17:00:00Z", System.Globalization.CultureInfo.InvariantCulture), query.LtRecordTime);
        Assert.Equal(new[] { "https://ref.gs1.org/cbv/Disp-in_transit" }, query.Dispositions);
        Assert.Equal(new[] { "https://id.gs1.org/414/8936047800070" }, query.ReadPoints);
        Assert.Equal(query.ReadPoints, query.BizLocations);
        Assert.Equal(new EpcPattern("https://id.gs1.org/01/08930000000019", "https://id.gs1.org/01/08930000000019/"), query.Patterns["MATCH_epc"].Single());
        Assert.Equal(new EpcPattern("https://id.gs1.org/01/08930000000019/10/L1", null), query.Patterns["MATCH_anyEPCClass"].Single());
        Assert.Equal(new EpcPattern(null, "https://id.gs1.org/01/08930000000019/10/"), query.Patterns["MATCH_epcClass"].Single());
        Assert.Equal(5, query.Patterns.Count);
        Assert.Equal(new EventOrder(EventOrderField.RecordTime, true), query.OrderBy);
        Assert.Equal((50, 20, "abc.def"), (query.EventCountLimit, query.PerPage, query.NextPageToken));
    }

    [Theory]
    [InlineData("eventType", "ShipEvent", "eventType: 'ShipEvent' is not an EPCIS 2.0 event type")]
    [InlineData("GE_eventTime", "2024-05-01", "GE_eventTime: '2024-05-01' is not a timestamp with a time zone")]
    [InlineData("GE_recordTime", "2024-05-01T08:00:00", "GE_recordTime: '2024-05-01T08:00:00' is not a timestamp")]
    [InlineData("EQ_action", "MOVE", "EQ_action: 'MOVE' is not ADD, OBSERVE or DELETE")]
    [InlineData("EQ_bizStep", "shiping", "EQ_bizStep: 'shiping' is not a CBV BizStep word")]
    [InlineData("EQ_disposition", "lost", "EQ_disposition: 'lost' is not a CBV Disp word")]
    [InlineData("EQ_readPoint", "urn:epc:id:sgln:123", "EQ_readPoint: 'urn:epc:id:sgln:123' is not an EPC URN of a GS1 key")]
    [InlineData("MATCH_epc", "urn:epc:idpat:sgtin:8930000.*.*", "MATCH_epc: 'urn:epc:idpat:sgtin:8930000.*.*' is not a pattern this repository matches")]
    [InlineData("MATCH_anyEPCClass", "lot-7", "MATCH_anyEPCClass: 'lot-7' is neither an EPC URN nor a GS1 Digital Link URI")]
    [InlineData("orderBy", "bizStep", "orderBy: 'bizStep' orders by eventTime or recordTime only")]
    [InlineData("orderDirection", "UP", "orderDirection: 'UP' is not ASC or DESC")]
    [InlineData("perPage", "0", "perPage: '0' is not a positive whole number")]
    [InlineData("eventCountLimit", "-3", "eventCountLimit: '-3' is not a positive whole number")]
    [InlineData("EQ_bizStep", "shipping|", "EQ_bizStep: has an empty value")]
    [InlineData("EQ_quantity", "3", "EQ_quantity: is a SimpleEventQuery parameter this repository does not support")]
    [InlineData("colour", "red", "colour: is not a SimpleEventQuery parameter")]
    public void A_bad_value_is_refused_naming_its_parameter(string name, string value, string message)
    {
        var refusal = Assert.Throws<DomainException>(() => Parse((name, value)));

        Assert.Equal(Refusal.InvalidArgument, refusal.Refusal);
        Assert.StartsWith(message, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_valued_parameters_refuse_a_second_value_and_an_empty_range()
    {
        Assert.StartsWith("perPage: is given more than once", Assert.Throws<DomainException>(() => Parse(("perPage", "1"), ("perPage", "2"))).Message, StringComparison.Ordinal);
        Assert.StartsWith("LT_eventTime:", Assert.Throws<DomainException>(() => Parse(("GE_eventTime", "2024-05-02T00:00:00Z"), ("LT_eventTime", "2024-05-01T00:00:00Z"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderDirection_without_orderBy_is_ignored_and_the_default_direction_is_descending()
    {
        Assert.Null(Parse(("orderDirection", "ASC")).OrderBy);
        Assert.Equal(new EventOrder(EventOrderField.EventTime, false), Parse(("orderBy", "eventTime")).OrderBy);
    }

    internal static EventQuery Parse(params (string Name, string Value)[] parameters) =>
        EventQueryParser.Parse(parameters.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Value).ToList()));
}
