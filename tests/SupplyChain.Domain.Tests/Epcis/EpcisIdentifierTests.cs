using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

public sealed class EpcisIdentifierTests
{
    [Fact]
    public void Our_identifiers_are_written_as_Digital_Link_URIs()
    {
        Assert.Equal("https://id.gs1.org/01/08930000000019/10/L%2F1%20%C3%BC", EpcisIdentifier.LotUri(Sample.Lot("L/1 ü")));
        Assert.Equal("https://id.gs1.org/01/08930000000019", EpcisIdentifier.ProductUri(Sample.Tea));
        Assert.Equal("https://id.gs1.org/414/8936047800070", EpcisIdentifier.LocationUri(Sample.Farm));
        Assert.Equal("https://id.gs1.org/417/8936047800018", EpcisIdentifier.PartyUri(Sample.Producer));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("L/\"%&'()*+,-.:;<=>?")]
    public void A_written_lot_reads_back_as_the_same_lot(string lot)
    {
        var mapped = EpcisIdentifier.ParseObject(EpcisIdentifier.LotUri(Sample.Lot(lot)), "f");

        Assert.Equal((Sample.Lot(lot), false), (mapped.Batch, mapped.IsSerial));
    }

    [Theory]
    [InlineData("urn:epc:class:lgtin:4012345.011111.4444", "0401234511111", "4444", false)]
    [InlineData("urn:epc:class:lgtin:0614141.077777.L%2F7", "0061414177777", "L/7", false)]
    [InlineData("urn:epc:id:sgtin:0614141.107346.2017", "1061414107346", "2017", true)]
    [InlineData("https://id.gs1.org/01/08930000000019/10/A-1", "0893000000001", "A-1", false)]
    [InlineData("https://brand.example/products/01/8930000000019/21/S9", "0893000000001", "S9", true)]
    [InlineData("https://id.gs1.org/01/08930000000019/10/A-1/21/S9", "0893000000001", "A-1", false)]
    public void Lots_and_serial_items_map_to_batches(string uri, string gtinBody, string key, bool serial)
    {
        var mapped = EpcisIdentifier.ParseObject(uri, "f");

        Assert.Equal((new BatchRef(Gtin.FromBody(gtinBody), key), serial, ""), (mapped.Batch, mapped.IsSerial, mapped.Reason));
    }

    [Theory]
    [InlineData("urn:epc:idpat:sgtin:4012345.066666.*", "a pattern of many items")]
    [InlineData("urn:epc:id:sscc:0614141.1234567890", "scheme 'sscc'")]
    [InlineData("https://id.gs1.org/01/04012345666663", "names a product, not one lot")]
    [InlineData("https://id.gs1.org/00/106141412345678908", "neither a GS1 Digital Link URI nor an EPC URN")]
    [InlineData("https://id.gs1.org/01/08930000000019/10/ABCDEFGHIJKLMNOPQRSTU", "cannot be held as a lot number: lot: has 21 characters")]
    [InlineData("urn:uuid:8f3c2a1e-0000-4000-8000-000000000000", "neither a GS1 Digital Link URI nor an EPC URN")]
    public void Identifiers_that_name_no_lot_are_unmapped_with_why(string uri, string reason)
    {
        var mapped = EpcisIdentifier.ParseObject(uri, "f");

        Assert.Null(mapped.Batch);
        Assert.Contains(reason, mapped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:epc:id:sgtin:4012345.0111.1", "f: 'urn:epc:id:sgtin:4012345.0111.1' is not a valid urn:epc:id:sgtin URN")]
    [InlineData("urn:epc:class:lgtin:4012345.011111.", "is not a valid urn:epc:class:lgtin URN")]
    [InlineData("https://id.gs1.org/01/08930000000011/10/A", "f: '08930000000011' has check digit 1, expected 9")]
    public void Malformed_GS1_keys_are_refused(string uri, string message)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => EpcisIdentifier.ParseObject(uri, "f"), message);
    }

    [Theory]
    [InlineData("urn:epc:id:sgln:0614141.07346.0", "061414107346", "")]
    [InlineData("urn:epc:id:sgln:0614141.07346.1234", "061414107346", "extension '1234'")]
    [InlineData("urn:epc:id:pgln:0614141.07346", "061414107346", "")]
    [InlineData("https://id.gs1.org/414/8936047800070", "893604780007", "")]
    [InlineData("https://id.gs1.org/417/8936047800018", "893604780001", "")]
    [InlineData("https://id.gs1.org/414/8936047800070/254/dock-2", "893604780007", "extension 'dock-2'")]
    public void Locations_and_parties_map_to_GLNs(string uri, string glnBody, string reason)
    {
        var mapped = EpcisIdentifier.ParseLocation(uri, "f");

        Assert.Equal(Gln.FromBody(glnBody), mapped.Gln);
        Assert.StartsWith(reason, mapped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_locations_are_unmapped_and_malformed_GLNs_refused()
    {
        Assert.Null(EpcisIdentifier.ParseLocation("geo:10.7,106.6", "f").Gln);
        Assert.Null(EpcisIdentifier.ParseLocation("https://example.org/warehouse/9", "f").Gln);
        Refusals.Expect(Refusal.InvalidArgument, () => EpcisIdentifier.ParseLocation("https://id.gs1.org/414/8936047800071", "f"), "f: '8936047800071' has check digit 1, expected 0");
        Refusals.Expect(Refusal.InvalidArgument, () => EpcisIdentifier.ParseLocation("urn:epc:id:sgln:0614141.0734.0", "f"), "is not a valid urn:epc:id:sgln URN");
    }

    [Theory]
    [InlineData("temperature", "Temperature")]
    [InlineData("humidity", "RelativeHumidity")]
    [InlineData("absolute_humidity", "AbsoluteHumidity")]
    [InlineData("mass_concentration", "MassConcentration")]
    [InlineData("ph", "sc:ph")]
    [InlineData("moisture%", "sc:moisture%25")]
    public void Measurement_types_use_CBV_words_where_one_fits_and_read_back(string ours, string sensorType)
    {
        Assert.Equal(sensorType, EpcisVocabulary.SensorType(ours));
        Assert.Equal(ours, EpcisVocabulary.OurMeasurementType(sensorType));
    }

    [Fact]
    public void Other_vocabularies_give_their_last_segment()
    {
        Assert.Equal("brix", EpcisVocabulary.OurMeasurementType("https://vocab.example.org/measure#Brix"));
        Assert.Equal("salinity", EpcisVocabulary.OurMeasurementType("example:salinity"));
        Assert.Equal("P1", EpcisVocabulary.SensorUnit("%"));
        Assert.Equal("CEL", EpcisVocabulary.SensorUnit("CEL"));
    }
}
