using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Tests.Epcis.HashId;

public sealed class EventHashIdTests
{
    public sealed record Vector(string Name, string Context, string Event, string Expected)
    {
        public override string ToString() => Name;
    }

    public static readonly TheoryData<Vector> Vectors = new()
    {
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/ReferenceEventHashAlgorithm.jsonld event 0; expected: ReferenceEventHashAlgorithm.hashes line 1.
        new("ReferenceEventHashAlgorithm[0]", """{"gs1": "https://gs1.org/voc/", "example": "https://ns.example.com/epcis/"}""", """{"type": "ObjectEvent", "eventTime": "2020-03-04T11:00:30.000+01:00", "eventTimeZoneOffset": "+01:00", "recordTime": "2020-03-04T11:00:30.999+01:00", "epcList": ["urn:epc:id:sscc:4012345.0000000333", "urn:epc:id:sscc:4012345.0000000111", "urn:epc:id:sscc:4012345.0000000222"], "action": "OBSERVE", "bizStep": "departing", "readPoint": {"id": "urn:epc:id:sgln:4012345.00011.987"}, "example:myField1": {"example:mySubField1": "2", "example:mySubField2": "5"}, "example:myField2": "0", "example:myField3": {"example:mySubField3": ["3", "1"]}}""", "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/epcisDocWithSensorDataObjectEvent.jsonld event 0; expected: epcisDocWithSensorDataObjectEvent.hashes line 1.
        new("epcisDocWithSensorDataObjectEvent[0]", """{"gs1": "https://gs1.org/voc/"}""", """{"type": "ObjectEvent", "eventTime": "2022-02-16T15:00:00.000+01:00", "eventTimeZoneOffset": "+01:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.9876"], "action": "OBSERVE", "bizStep": "inspecting", "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"}, "sensorElementList": [{"sensorMetadata": {"time": "2022-02-16T14:05:00.000+01:00", "deviceID": "urn:epc:id:giai:4000001.111", "deviceMetadata": "https://id.gs1.org/8004/4000001111", "rawData": "https://id.example.org/8004/401234599999"}, "sensorReport": [{"type": "Temperature", "value": 26, "uom": "CEL"}, {"type": "AbsoluteHumidity", "value": 12.1, "uom": "A93"}, {"type": "Speed", "value": 160, "uom": "KMH"}, {"type": "Illuminance", "value": 800, "uom": "LUX"}]}, {"sensorMetadata": {"time": "2022-02-16T14:35:00.000+01:00", "deviceID": "urn:epc:id:giai:4000001.111", "deviceMetadata": "https://id.gs1.org/8004/4000001111", "rawData": "https://id.example.org/8004/401234599999"}, "sensorReport": [{"type": "Temperature", "value": 26.1, "uom": "CEL"}, {"type": "AbsoluteHumidity", "value": 12.2, "uom": "A93"}, {"type": "Speed", "value": 161, "uom": "KMH"}, {"type": "Illuminance", "value": 801, "uom": "LUX"}]}, {"sensorMetadata": {"time": "2022-02-16T14:55:00.000+01:00", "deviceID": "urn:epc:id:giai:4000001.111", "deviceMetadata": "https://id.gs1.org/8004/4000001111", "rawData": "https://id.example.org/8004/401234599999"}, "sensorReport": [{"type": "Temperature", "value": 26.2, "uom": "CEL"}, {"type": "AbsoluteHumidity", "value": 12.2, "uom": "A93"}, {"type": "Speed", "value": 162, "uom": "KMH"}, {"type": "Illuminance", "value": 802, "uom": "LUX"}]}]}""", "ni:///sha-256;4afcdd3db3ff438fbe6c5a341ab8d1c405945f10d0c9a21b44d9ff45358b3801?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/epcisDocWithVariousEventTypes.jsonld event 3; expected: epcisDocWithVariousEventTypes.hashes line 4.
        new("epcisDocWithVariousEventTypes[3]", """{"gs1": "https://gs1.org/voc/", "example": "https://ns.example.com/epcis/", "cbvmda": "urn:epcglobal:cbv:mda:"}""", """{"type": "ObjectEvent", "eventTime": "2019-10-21T14:58:56.000+02:00", "eventTimeZoneOffset": "+02:00", "quantityList": [{"epcClass": "urn:epc:class:lgtin:4054739.099914.20160711", "quantity": 600, "uom": "KGM"}], "action": "ADD", "bizStep": "commissioning", "readPoint": {"id": "urn:epc:id:sgln:4054739.00001.0"}, "ilmd": {"cbvmda:bestBeforeDate": "2019-10-21"}}""", "ni:///sha-256;5f396ea5cb32fe4d0980cb79f5a5eb9640559e9f5a6cefa5c98a7d6ad554b50b?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/epcisDocWithVariousEventTypes.jsonld event 11; expected: epcisDocWithVariousEventTypes.hashes line 12.
        new("epcisDocWithVariousEventTypes[11]", """{"gs1": "https://gs1.org/voc/", "example": "https://ns.example.com/epcis/", "cbvmda": "urn:epcglobal:cbv:mda:"}""", """{"type": "TransformationEvent", "eventTime": "2019-10-21T14:58:56.591+02:00", "eventTimeZoneOffset": "+02:00", "inputEPCList": ["urn:epc:id:sgtin:4012345.011122.25", "urn:epc:id:sgtin:4000001.065432.99886655"], "outputEPCList": ["urn:epc:id:sgtin:4012345.077889.25", "urn:epc:id:sgtin:4012345.077889.26", "urn:epc:id:sgtin:4012345.077889.27", "urn:epc:id:sgtin:4012345.077889.28"], "inputQuantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.011111.4444", "quantity": 10, "uom": "KGM"}, {"epcClass": "urn:epc:class:lgtin:0614141.077777.987", "quantity": 30}, {"epcClass": "urn:epc:idpat:sgtin:4012345.066666.*", "quantity": 220}], "bizStep": "commissioning", "readPoint": {"id": "urn:epc:id:sgln:4012345.00001.0"}, "ilmd": {"example:bestBeforeDate": "2015-11-10", "example:batch": "XYZ"}}""", "ni:///sha-256;36ab2ba0e3eac03d14a630148c63c31da00b8c4f1c311f501eb459e89a6e6350?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/ReferenceEventHashAlgorithm2.jsonld event 0; expected: ReferenceEventHashAlgorithm2.hashes line 1.
        new("ReferenceEventHashAlgorithm2[0]", """{"gs1": "https://gs1.org/voc/"}""", """{"type": "ObjectEvent", "eventTime": "2020-04-01T15:00:00+01:00", "eventTimeZoneOffset": "+01:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.9876"], "action": "OBSERVE", "bizStep": "inspecting", "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"}, "sensorElementList": [{"sensorMetadata": {"deviceID": "urn:epc:id:giai:4000001.111", "deviceMetadata": "https://id.gs1.org/8004/4000001111"}, "sensorReport": [{"type": "Temperature", "value": 26, "sDev": 0.1, "uom": "CEL"}, {"type": "AbsoluteHumidity", "value": 12.1, "uom": "A93"}, {"type": "Dimensionless", "microorganism": "https://www.ncbi.nlm.nih.gov/taxonomy/1126011", "value": 0.05, "uom": "C35"}, {"type": "Dimensionless", "chemicalSubstance": "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N", "value": 0.18, "uom": "C35"}]}]}""", "ni:///sha-256;49b13037c36e84ad9307c531671b00e901318c3957e4b1151f816ec49eb668da?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/TimeStampRoundOff.jsonld event 0; expected: TimeStampRoundOff.hashes line 1.
        new("TimeStampRoundOff[0]", """{}""", """{"type": "ObjectEvent", "eventTime": "2023-02-02T11:04:03.1415Z", "eventTimeZoneOffset": "+01:00", "epcList": ["https://id.gs1.de/00/040123451111111110"], "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "readPoint": {"id": "https://id.gs1.de/414/4012345000115"}}""", "ni:///sha-256;af7658e711574363633f20b3dadc7bc4c13c6f612cf96d95e03c421c0e58f3c6?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/epclist_normalisation.jsonld event 0; expected: epclist_normalisation.hashes line 1.
        new("epclist_normalisation[0]", """{"gs1": "https://gs1.org/voc/"}""", """{"type": "ObjectEvent", "eventTime": "2019-04-02T15:00:00.000+01:00", "eventTimeZoneOffset": "+01:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.9876", "urn:epc:id:sgtin:4012345.011111.98%22", "urn:epc:id:sgtin:415056789012.0.987654", "urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()", "urn:epc:id:sscc:4012345.3111111111", "urn:epc:id:sgln:4012345.00005.122", "urn:epc:id:sgln:4012345.00005.0", "urn:epc:id:grai:4012345.00022.334455", "urn:epc:id:giai:4012345.ABC345", "urn:epc:id:gsrn:4012345.0000006765", "urn:epc:id:gsrnp:4012345.0000000007", "urn:epc:id:gdti:4012345.00009.PO-4711", "urn:epc:id:gdti:987659999999..9", "urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234", "urn:epc:id:ginc:0614141.xyz47%2F11", "urn:epc:id:gsin:4012345.222333444", "urn:epc:id:itip:4012345.011111.01.02.987", "urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB", "urn:epc:id:pgln:4000001.00000", "urn:epc:id:pgln:999999999999.", "urn:epc:class:lgtin:4012345.012345.Lot987", "https://id.gs1.org/gtin/09780345418913", "https://example.com/gtin/09780345418913/21/765tz?abc=211121"], "action": "OBSERVE", "bizStep": "inspecting", "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"}}""", "ni:///sha-256;4689c31cebcad30d58b175246cd49cbd8d02fa15a4099602e8f638127b4fca79?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/epcisDocWithSingleEvent.jsonld event 0; expected: epcisDocWithSingleEvent.hashes line 1.
        new("epcisDocWithSingleEvent[0]", """{"gs1": "https://gs1.org/voc/"}""", """{"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "epcList": ["urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:id:sgtin:0614141.107346.2018"], "eventTime": "2022-02-16T20:33:31.116000-06:00", "eventTimeZoneOffset": "-06:00", "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.1234"}, "bizTransactionList": [{"type": "po", "bizTransaction": "http://transaction.acme.com/po/12345678"}]}""", "ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/persistentDisposition.jsonld event 0; expected: persistentDisposition.hashes line 1.
        new("persistentDisposition[0]", """{"gs1": "https://gs1.org/voc/"}""", """{"type": "ObjectEvent", "eventTime": "2021-04-01T15:00:00+01:00", "eventTimeZoneOffset": "+01:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.1", "urn:epc:id:sgtin:4012345.011111.2"], "action": "OBSERVE", "bizStep": "shipping", "disposition": "in_transit", "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"}, "persistentDisposition": {"set": ["recalled"]}}""", "ni:///sha-256;f6a9d89f2cd8d7931daa3d4c3d48399c2173b88417932f8cc04d021671e7d01e?ver=CBV2.0"),
        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/CertificationInfoAndSensorReportWithCRS.jsonld event 0; expected: CertificationInfoAndSensorReportWithCRS.hashes line 1.
        new("CertificationInfoAndSensorReportWithCRS[0]", """{"cbv": "https://ref.gs1.org/cbv/", "ext1": "https://ns.ext.de/epcis/"}""", """{"type": "ObjectEvent", "eventTime": "2023-01-11T12:00:00+01:00", "eventTimeZoneOffset": "+01:00", "certificationInfo": "https://accreditation-council.example.org/certificate/ABC12345", "epcList": ["https://id.gs1.de/01/04012345999990/21/XYZ-1234"], "action": "OBSERVE", "bizStep": "receiving", "disposition": "in_progress", "readPoint": {"id": "https://id.gs1.de/414/4012345000115"}, "sensorElementList": [{"sensorMetadata": {"time": "2023-01-11T11:05:00Z", "bizRules": "https://id.example.com/253/4012345000054987", "ext1:someFurtherMetadata": "metadataText"}, "sensorReport": [{"type": "Dimensionless", "exception": "ALARM_CONDITION", "coordinateReferenceSystem": "http://www.opengis.net/def/crs/EPSG/0/27700", "ext1:someFurtherReportData": "reportText"}]}]}""", "ni:///sha-256;765891c0478707141565408cefb87841b7531936188edd0ff0e63e91789b7c09?ver=CBV2.0"),
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Published_vectors_hash_to_their_published_ids(Vector vector)
    {
        var prefixes = JsonLdPrefixes.Standard.With(JsonDocument.Parse(vector.Context).RootElement);

        Assert.Equal(vector.Expected, EventHashId.Of(JsonDocument.Parse(vector.Event).RootElement, prefixes));
    }

    [Fact]
    public void The_pre_hash_string_follows_the_canonical_order_with_extensions_last()
    {
        var vector = (Vector)((IEnumerable<object[]>)Vectors).First()[0];
        var prefixes = JsonLdPrefixes.Standard.With(JsonDocument.Parse(vector.Context).RootElement);

        // RalphTro/epcis-event-hash-generator@5d2f1c3 tests/examples/ReferenceEventHashAlgorithm.prehashes line 1.
        Assert.Equal(
            "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00epcListepc=https://id.gs1.org/00/040123450000001112epc=https://id.gs1.org/00/040123450000002225epc=https://id.gs1.org/00/040123450000003338action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-departingreadPointid=https://id.gs1.org/414/4012345000115/254/987{https://ns.example.com/epcis/}myField1{https://ns.example.com/epcis/}mySubField1=2{https://ns.example.com/epcis/}mySubField2=5{https://ns.example.com/epcis/}myField2=0{https://ns.example.com/epcis/}myField3{https://ns.example.com/epcis/}mySubField3=1{https://ns.example.com/epcis/}mySubField3=3",
            PreHash.Of(JsonDocument.Parse(vector.Event).RootElement, prefixes));
    }

    [Fact]
    public void Key_order_whitespace_list_order_and_number_form_do_not_change_the_id()
    {
        var a = Parse("""{"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00+07:00","eventTimeZoneOffset":"+07:00","epcList":["urn:epc:id:sgtin:8930000.000001.A","urn:epc:id:sgtin:8930000.000001.B"],"action":"OBSERVE","bizStep":"shipping","quantityList":[{"epcClass":"urn:epc:class:lgtin:8930000.000001.L1","quantity":12.50,"uom":"KGM"}]}""");
        var b = Parse("""
            {
              "quantityList": [ { "uom": "KGM", "quantity": 1.25e1, "epcClass": "https://id.gs1.org/01/08930000000019/10/L1" } ],
              "bizStep": "https://ref.gs1.org/cbv/BizStep-shipping",
              "action": "OBSERVE",
              "epcList": [ "https://brand.example/01/08930000000019/21/B", "urn:epc:id:sgtin:8930000.000001.A" ],
              "eventTimeZoneOffset": "+07:00",
              "eventTime": "2024-05-01T01:00:00.000Z",
              "type": "ObjectEvent"
            }
            """);

        Assert.Equal(EventHashId.Of(a), EventHashId.Of(b));
        Assert.StartsWith("ni:///sha-256;", EventHashId.Of(a), StringComparison.Ordinal);
        Assert.EndsWith("?ver=CBV2.0", EventHashId.Of(a), StringComparison.Ordinal);
    }

    [Fact]
    public void EventId_recordTime_and_an_error_declaration_are_not_hashed_but_every_other_change_is()
    {
        var plain = JsonNode.Parse("""{"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00Z","eventTimeZoneOffset":"+00:00","epcList":["urn:epc:id:sgtin:8930000.000001.A"],"action":"OBSERVE"}""")!;
        var id = EventHashId.Of(plain);
        var declared = plain.DeepClone();
        declared["eventID"] = "urn:uuid:8d8f7b3c-2c7a-4c1e-9d55-0c3f9e2a1b00";
        declared["recordTime"] = "2024-05-02T00:00:00Z";
        declared["errorDeclaration"] = new JsonObject { ["declarationTime"] = "2024-05-03T00:00:00Z", ["reason"] = "incorrect_data" };
        var changed = plain.DeepClone();
        changed["action"] = "ADD";

        Assert.Equal(id, EventHashId.Of(declared));
        Assert.NotEqual(id, EventHashId.Of(changed));
        Assert.Equal("urn:uuid:8d8f7b3c-2c7a-4c1e-9d55-0c3f9e2a1b00", EventHashId.IdOf(JsonSerializer.SerializeToElement(declared)));
        Assert.Equal(id, EventHashId.IdOf(JsonSerializer.SerializeToElement(plain)));
    }

    [Fact]
    public void Extensions_are_named_by_namespace_whatever_prefix_the_document_chose()
    {
        var one = JsonLdPrefixes.Standard.With(JsonDocument.Parse("""{"a":"https://ns.example.com/x/"}""").RootElement);
        var two = JsonLdPrefixes.Standard.With(JsonDocument.Parse("""["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",{"b":"https://ns.example.com/x/"}]""").RootElement);

        var viaA = EventHashId.Of(Parse("""{"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00Z","eventTimeZoneOffset":"+00:00","action":"OBSERVE","a:temp":{"a:max":4,"a:min":-2}}"""), one);
        var viaB = EventHashId.Of(Parse("""{"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00Z","eventTimeZoneOffset":"+00:00","action":"OBSERVE","b:temp":{"b:min":-2,"b:max":4.0}}"""), two);

        Assert.Equal(viaA, viaB);
    }

    [Theory]
    [InlineData("2023-02-02T11:04:03.1415Z", "2023-02-02T11:04:03.142Z")]
    [InlineData("2023-02-02T11:04:03.14149Z", "2023-02-02T11:04:03.141Z")]
    [InlineData("2023-12-31T23:59:59.9996+00:00", "2024-01-01T00:00:00.000Z")]
    [InlineData("2022-02-16T20:33:31.116000-06:00", "2022-02-17T02:33:31.116Z")]
    [InlineData("2024-05-01T08:00:00+07:00", "2024-05-01T01:00:00.000Z")]
    public void Timestamps_are_UTC_milliseconds(string given, string canonical)
    {
        Assert.Equal(canonical, CanonicalValue.Timestamp(given));
    }

    [Theory]
    [InlineData("urn:epc:id:sgtin:8930000.000001.S.1", "https://id.gs1.org/01/08930000000019/21/S.1")]
    [InlineData("https://id.gs1.org/01/8930000000019/10/L1/21/S9?17=261231", "https://id.gs1.org/01/08930000000019/21/S9")]
    [InlineData("https://brand.example/p/01/08930000000019/22/V/10/L%2F1", "https://id.gs1.org/01/08930000000019/10/L%2F1")]
    [InlineData("urn:epc:idpat:sgtin:8930000.*.*", "urn:epc:idpat:sgtin:8930000.*.*")]
    [InlineData("urn:epc:id:usdod:2S194.12345", "urn:epc:id:usdod:2S194.12345")]
    [InlineData("https://example.org/not/a/link", "https://example.org/not/a/link")]
    public void Identifiers_take_their_canonical_Digital_Link_form_where_they_have_one(string given, string canonical)
    {
        Assert.Equal(canonical, CanonicalIdentifier.Normalise(given));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
