using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

public sealed class EpcisImportTests
{
    private static BatchRef Item(string gtinBody, string key) => new(Gtin.FromBody(gtinBody), key);

    private static Quantity Pieces(decimal count) => new(count, "H87");

    /// <summary>A minimal valid document around the given events.</summary>
    private static string Document(params string[] events) =>
        $$"""
        {
          "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
          "type": "EPCISDocument",
          "schemaVersion": "2.0",
          "creationDate": "2025-06-01T08:00:00+07:00",
          "epcisBody": { "eventList": [{{string.Join(",", events)}}] }
        }
        """;

    private const string Shipping = """
        {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "eventTime": "2025-06-01T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
         "epcList": ["https://id.gs1.org/01/08930000000019/21/S1"]}
        """;

    [Fact]
    public void Every_GS1_example_gives_at_least_one_fact()
    {
        Assert.Equal(4, Gs1Files.Examples.Count);
        foreach (var name in Gs1Files.Examples)
        {
            var capture = EpcisImport.Parse(Gs1Files.Example(name));
            Assert.True(capture.Events.Count > 0, $"{name} gave no fact; notes: {string.Join("; ", capture.Notes)}");
        }
    }

    [Fact]
    public void The_object_event_example_is_a_shipment_and_a_receipt_of_serial_items()
    {
        var capture = EpcisImport.Parse(Gs1Files.Example("Example_9.6.1-ObjectEvent.jsonld"));

        Assert.Equal(2, capture.EventCount);
        var shipment = Assert.IsType<ImportedShipment>(capture.Events[0]);
        var receipt = Assert.IsType<ImportedReceipt>(capture.Events[1]);
        Assert.Equal([Item("1061414107346", "2017"), Item("1061414107346", "2018")], shipment.Lots.Select(l => l.Batch).ToList());
        Assert.All(shipment.Lots, l => Assert.Equal(Pieces(1), l.Quantity));
        Assert.Equal(Gln.FromBody("061414107346"), shipment.ReadPoint);
        Assert.Equal(new DateTimeOffset(2005, 4, 3, 20, 33, 31, 116, TimeSpan.FromHours(-6)), shipment.EventTime);
        Assert.Equal("ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0", shipment.EpcisEventId);
        Assert.Null(shipment.From);
        Assert.Equal([Item("1061414107346", "2018")], receipt.Lots.Select(l => l.Batch).ToList());
        Assert.True(receipt.Accepted);
        Assert.Equal(Gln.FromBody("001234511111"), receipt.ReadPoint);
        Assert.Equal(Gln.FromBody("001234511111"), receipt.BizLocation);
        Assert.Equal(
            ["eventList[0].readPoint.id", "eventList[1].readPoint.id"],
            capture.Notes.Select(n => n.Field).ToList());
        Assert.Contains("extension '1234'", capture.Notes[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Example_9.6.4-TransformationEvent.jsonld", "urn:epc:idpat:sgtin:4012345.066666.*")]
    [InlineData("Example_9.6.4-TransformationEventWithDigitalLink.jsonld", "https://id.gs1.org/01/04012345666663")]
    public void The_transformation_examples_name_four_lots_in_and_four_out(string example, string unmapped)
    {
        var capture = EpcisImport.Parse(Gs1Files.Example(example));

        var transformation = Assert.IsType<ImportedTransformation>(Assert.Single(capture.Events));
        Assert.Equal(TransformationKind.Transform, transformation.Kind);
        Assert.Equal("commissioning", transformation.BizStep);
        Assert.Equal(
            [
                (Item("0401234511122", "25"), Pieces(1)),
                (Item("0400000165432", "99886655"), Pieces(1)),
                (Item("0401234511111", "4444"), new Quantity(10m, "KGM")),
                (Item("0061414177777", "987"), Pieces(30)),
            ],
            transformation.Inputs.Select(i => (i.Batch, i.Quantity)).ToList());
        Assert.Equal(["25", "26", "27", "28"], transformation.Outputs.Select(o => o.Batch.Lot).ToList());
        Assert.All(transformation.Outputs, o => Assert.Equal(Gtin.FromBody("0401234577889"), o.Batch.Gtin));
        var note = Assert.Single(capture.Notes);
        Assert.Equal(("eventList[0].inputQuantityList[2].epcClass", unmapped), (note.Field, note.Value));
    }

    [Fact]
    public void The_sensor_example_gives_one_checkpoint_per_sensor_element()
    {
        var capture = EpcisImport.Parse(Gs1Files.Example("SensorDataExample1.jsonld"));

        var checkpoints = capture.Events.Select(e => Assert.IsType<ImportedCheckpoint>(e)).ToList();
        Assert.Equal(3, checkpoints.Count);
        Assert.Equal(
            [new TimeSpan(14, 5, 0), new TimeSpan(14, 35, 0), new TimeSpan(14, 55, 0)],
            checkpoints.Select(c => c.EventTime.TimeOfDay).ToList());
        Assert.All(checkpoints, c =>
        {
            Assert.Equal(CheckpointKind.Environmental, c.Kind);
            Assert.Equal("inspecting", c.Step);
            Assert.Equal([Item("0401234511111", "9876")], c.Lots.Select(l => l.Batch).ToList());
            Assert.Equal(["temperature", "absolute_humidity", "speed", "illuminance"], c.Measurements.Select(m => m.Type).ToList());
        });
        Assert.Equal(
            [new Measurement("temperature", 26m, "CEL"), new Measurement("absolute_humidity", 12.1m, "A93"), new Measurement("speed", 160m, "KMH"), new Measurement("illuminance", 800m, "LUX")],
            checkpoints[0].Measurements);
        Assert.Equal(3, checkpoints.Select(c => c.EventId).Distinct().Count());
        Assert.Empty(capture.Notes);
    }

    [Fact]
    public void Event_ids_are_valid_client_ids_and_the_same_on_every_import()
    {
        foreach (var name in Gs1Files.Examples)
        {
            var first = EpcisImport.Parse(Gs1Files.Example(name)).Events.Select(e => e.EventId).ToList();
            var second = EpcisImport.Parse(Gs1Files.Example(name)).Events.Select(e => e.EventId).ToList();

            Assert.Equal(first, second);
            Assert.All(first, id => Assert.Equal(id, EventId.Parse(id)));
        }
    }

    [Fact]
    public void An_exported_trace_reads_back_as_the_same_facts()
    {
        var trace = SampleTrace.Build();
        var json = EpcisExport.Write(trace.Logs, SampleTrace.Start.AddDays(1), SampleTrace.ProductNames);

        var capture = EpcisImport.Parse(json);

        Assert.Equal(15, capture.EventCount);
        Assert.True(capture.Notes.Count == 0, string.Join("\n", capture.Notes));
        Assert.Equal(
            ["creation", "creation", "checkpoint", "creation", "checkpoint", "checkpoint", "shipment", "shipment", "receipt", "shipment", "receipt", "checkpoint", "receipt", "split", "checkpoint", "merge"],
            capture.Events.Select(Kind).ToList());
        var created = Assert.IsType<ImportedCreation>(capture.Events[0]);
        Assert.Equal((Sample.Lot("A"), Sample.Kg(100m)), (created.Lots[0].Batch, created.Lots[0].Quantity));
        Assert.Equal(Sample.Farm, created.Location);
        var dry = Assert.IsType<ImportedCheckpoint>(capture.Events[2]);
        Assert.Equal((CheckpointKind.Production, "drying"), (dry.Kind, dry.Step));
        Assert.Equal([new Measurement("moisture", 7.5m, "P1")], dry.Measurements);
        var cold = Assert.IsType<ImportedCheckpoint>(capture.Events[4]);
        Assert.Equal([new Measurement("temperature", 4m, "CEL"), new Measurement("humidity", 55m, "P1")], cold.Measurements);
        var lab = Assert.IsType<ImportedCheckpoint>(capture.Events[5]);
        Assert.Equal((CheckpointKind.FoodSafety, new Certificate(Sample.Lab, "LAB-2025-0042 \"Hà Nội\", lead")), (lab.Kind, lab.Certificate));
        var shipped = Assert.IsType<ImportedShipment>(capture.Events[6]);
        Assert.Equal((Sample.Producer, Sample.Distributor, Sample.Kg(100m)), (shipped.From, shipped.To, shipped.Lots[0].Quantity));
        var refused = Assert.IsType<ImportedReceipt>(capture.Events[8]);
        Assert.Equal((false, "seal broken", Sample.Producer, Sample.Retailer), (refused.Accepted, refused.Note, refused.From, refused.To));
        var received = Assert.IsType<ImportedReceipt>(capture.Events[10]);
        Assert.Equal((true, "one sack torn,\nresealed", Sample.Kg(99m)), (received.Accepted, received.Note, received.Lots[0].Quantity));
        var split = Assert.IsType<ImportedTransformation>(capture.Events[13]);
        Assert.Equal([(Sample.Lot("A1"), Sample.Kg(30m)), (Sample.Lot("A2"), Sample.Kg(20m))], split.Outputs.Select(o => (o.Batch, o.Quantity!)).ToList());
        var merge = Assert.IsType<ImportedTransformation>(capture.Events[15]);
        Assert.Equal([Sample.Lot("A1"), Sample.Lot("B")], merge.Inputs.Select(i => i.Batch).ToList());
        Assert.Equal((Sample.Lot("M"), Sample.Kg(70m)), (merge.Outputs[0].Batch, merge.Outputs[0].Quantity));
    }

    [Fact]
    public void An_event_without_objects_is_refused_with_its_index()
    {
        var bare = """{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00"}""";

        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(Shipping, Shipping.Replace("/21/S1", "/21/S2", StringComparison.Ordinal), bare)));

        Assert.Equal("eventList[2]: ObjectEvent without epcList or quantityList", refused.Message);
    }

    [Fact]
    public void An_object_event_that_names_a_lot_twice_is_refused_with_its_index()
    {
        // Found by the fuzz run: each lot became a command with the event's id, so one batch got two commands with one id.
        var twice = """
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "inspecting", "eventTime": "2025-06-01T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
             "epcList": ["https://id.gs1.org/01/08930000000019/10/L1"], "quantityList": [{"epcClass": "https://id.gs1.org/01/08930000000019/10/L1"}]}
            """;

        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(Shipping, twice)));

        Assert.Equal($"eventList[1]: ObjectEvent names lot {Sample.Lot("L1")} 2 times: name each lot once", refused.Message);
    }

    [Fact]
    public void An_event_sent_twice_is_refused_with_its_index()
    {
        // Found by the fuzz run: both copies became commands with one id on one batch.
        var identified = Shipping.Replace("\"action\"", "\"eventID\": \"urn:uuid:8b491736-58df-8fd0-b49d-8422c67557f2\", \"action\"", StringComparison.Ordinal);

        var sameId = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(identified, identified)));
        var sameContent = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(Shipping, Shipping)));

        Assert.Equal("eventList[1].eventID: 'urn:uuid:8b491736-58df-8fd0-b49d-8422c67557f2' is also the id of eventList[0]: send each event once", sameId.Message);
        Assert.Equal("eventList[1]: is the same event as eventList[0]: send each event once", sameContent.Message);
    }

    [Fact]
    public void A_certificate_reference_is_bounded_as_through_the_API()
    {
        string Inspection(int length) => $$"""
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "inspecting", "eventTime": "2025-06-01T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
             "epcList": ["https://id.gs1.org/01/08930000000019/10/L1"], "certificationInfo": "https://lab.example/{{new string('r', length - 20)}}"}
            """;

        Assert.Equal(200, Assert.IsType<ImportedCheckpoint>(EpcisImport.Parse(Document(Inspection(200))).Events[0]).Certificate!.Reference.Length);
        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(Inspection(201))));
        Assert.Equal("eventList[0].certificationInfo: has 201 characters, at most 200 are allowed", refused.Message);
    }

    [Fact]
    public void Text_with_a_lone_surrogate_is_refused_as_not_Unicode()
    {
        // Found by the fuzz run: the JSON reader threw an ArgumentException, not a refusal.
        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse("{\"type\": \"EPCIS\ud800\"}"));

        Assert.Equal("document: is not valid Unicode text", refused.Message);
    }

    [Theory]
    [InlineData("""not json""", "document: is not JSON")]
    [InlineData("""[1, 2]""", "document: is not a JSON object")]
    [InlineData("""{"type": "EPCISDocument", "schemaVersion": "2.0"}""", "@context: is required")]
    [InlineData("""{"@context": "https://example.org/other.jsonld", "type": "EPCISDocument"}""", "@context: does not name the EPCIS 2.0 context")]
    [InlineData("""{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISQueryDocument"}""", "type: 'EPCISQueryDocument' is not supported")]
    [InlineData("""{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISDocument", "schemaVersion": "1.2", "creationDate": "2025-06-01T08:00:00Z"}""", "schemaVersion: '1.2' is not supported")]
    [InlineData("""{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-06-01"}""", "creationDate: '2025-06-01' is not a date-time with an offset")]
    [InlineData("""{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-06-01T08:00:00Z", "epcisBody": {}}""", "epcisBody.eventList: is required")]
    [InlineData("""{"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", "type": "EPCISDocument", "type": "EPCISDocument"}""", "document: is not JSON")]
    public void A_malformed_document_is_refused_with_the_field(string json, string expected)
    {
        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(json));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action": "OBSERVE"}""", "eventList[1].type: is required")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTimeZoneOffset": "+07:00"}""", "eventList[1].eventTime: is required")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00", "eventTimeZoneOffset": "+07:00"}""", "eventList[1].eventTime: '2025-06-01T07:00:00' is not a date-time with an offset")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-13-01T07:00:00Z", "eventTimeZoneOffset": "+07:00"}""", "eventList[1].eventTime: '2025-13-01T07:00:00Z' is not a valid date-time")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+7"}""", "eventList[1].eventTimeZoneOffset: '+7' is not an offset")]
    [InlineData("""{"type": "ObjectEvent", "action": "MOVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": []}""", "eventList[1].action: 'MOVE' is not ADD, OBSERVE or DELETE")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": [], "quantityList": []}""", "eventList[1]: ObjectEvent without epcList or quantityList")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": "urn:epc:id:sgtin:4012345.011111.1"}""", "eventList[1].epcList: is not an array")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["https://id.gs1.org/01/08930000000011/10/L1"]}""", "eventList[1].epcList[0]: '08930000000011' has check digit 1, expected 9")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["urn:epc:id:sgtin:4012345.0111.1"]}""", "eventList[1].epcList[0]: 'urn:epc:id:sgtin:4012345.0111.1' is not a valid urn:epc:id:sgtin URN")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.011111.4444", "quantity": "ten"}]}""", "eventList[1].quantityList[0].quantity: is not a number")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "quantityList": [{"epcClass": "urn:epc:class:lgtin:4012345.011111.4444", "quantity": 1, "uom": "kg"}]}""", "eventList[1].quantityList[0].uom: 'kg' is not a UN/CEFACT unit code")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "quantityList": [{"quantity": 1}]}""", "eventList[1].quantityList[0].epcClass: is required")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "Harvest ing", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": []}""", "eventList[1].bizStep: 'Harvest ing' is neither a CBV word nor a URI")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "readPoint": {"id": "urn:epc:id:sgln:0614141.07346"}, "epcList": ["urn:epc:id:sgtin:4012345.011111.1"]}""", "eventList[1].readPoint.id: 'urn:epc:id:sgln:0614141.07346' is not a valid urn:epc:id:sgln URN")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.1"], "sensorElementList": [{"sensorReport": []}]}""", "eventList[1].sensorElementList[0].sensorReport: is required")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.1"], "sensorElementList": [{"sensorReport": [{"value": 1}]}]}""", "eventList[1].sensorElementList[0].sensorReport[0].type: is required")]
    [InlineData("""{"type": "TransformationEvent", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "inputEPCList": ["urn:epc:id:sgtin:4012345.011111.1"]}""", "eventList[1]: TransformationEvent needs inputs and outputs")]
    [InlineData("""{"type": "ObjectEvent", "action": "OBSERVE", "eventID": "not a uri", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": []}""", "eventList[1].eventID: 'not a uri' is not a URI")]
    [InlineData("""7""", "eventList[1]: is not an object")]
    public void A_malformed_event_refuses_the_whole_document_with_its_index_and_reason(string bad, string expected)
    {
        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(Shipping, bad, Shipping)));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_declaration_is_read_as_the_event_it_repeats_and_declares_its_facts()
    {
        const string observed = """{"type": "ObjectEvent", "eventID": "urn:uuid:7d1c", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["urn:epc:id:sgtin:4012345.011111.1"]""";
        var capture = EpcisImport.Parse(Document(
            Shipping,
            observed + """, "errorDeclaration": {"declarationTime": "2025-06-01T08:00:00Z", "reason": "incorrect_data", "correctiveEventIDs": ["urn:uuid:7d1d"]}}"""));

        var original = EpcisImport.Parse(Document(observed + "}")).Events.Single();
        var declaration = Assert.IsType<ImportedDeclaration>(capture.Events[1]);
        Assert.Equal((1, original.EventId, "incorrect_data", new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero)), (declaration.Index, declaration.EventId, declaration.Reason, declaration.DeclaredAt));
        Assert.Equal(["urn:uuid:7d1d"], declaration.CorrectiveEventIds);
        var declared = Assert.IsType<ImportedCheckpoint>(Assert.Single(declaration.Declared));
        Assert.Equal((original.GetType(), 1, original.EventId, original.EventTime), (declared.GetType(), declared.Index, declared.EventId, declared.EventTime));
        Assert.Equal(((ImportedCheckpoint)original).Lots, declared.Lots);
        Assert.Empty(capture.Notes);
    }

    [Theory]
    [InlineData("""{"reason": "incorrect_data"}""", "eventList[0].errorDeclaration.declarationTime: is required")]
    [InlineData("""{"declarationTime": "yesterday"}""", "eventList[0].errorDeclaration.declarationTime: 'yesterday' is not a date-time")]
    [InlineData("""{"declarationTime": "2025-06-01T08:00:00Z", "correctiveEventIDs": ["not a uri"]}""", "eventList[0].errorDeclaration.correctiveEventIDs[0]: 'not a uri' is not a URI")]
    [InlineData("""7""", "eventList[0].errorDeclaration: is not an object")]
    [InlineData("""{"declarationTime": "2025-06-01T08:00:00Z", "reason": "Not a word"}""", "eventList[0].errorDeclaration.reason: 'Not a word' is neither a CBV word nor a URI")]
    public void A_malformed_error_declaration_is_refused_naming_its_field(string declaration, string expected)
    {
        var refused = Refusals.Expect(Refusal.InvalidArgument, () => EpcisImport.Parse(Document(Shipping.TrimEnd()[..^1] + $", \"errorDeclaration\": {declaration}}}")));

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_declaration_of_an_event_that_moved_no_lot_is_noted()
    {
        var capture = EpcisImport.Parse(Document(
            """{"type": "AggregationEvent", "action": "ADD", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "parentID": "urn:epc:id:sscc:0614141.1234567890", "errorDeclaration": {"declarationTime": "2025-06-01T08:00:00Z"}}"""));

        Assert.Empty(capture.Events);
        Assert.Equal("eventList[0].errorDeclaration", capture.Notes[^1].Field);
    }

    [Fact]
    public void Identifiers_and_events_with_no_place_here_are_noted_not_refused()
    {
        var capture = EpcisImport.Parse(Document(
            """
            {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "shipping", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00",
             "epcList": ["urn:epc:id:sscc:0614141.1234567890", "https://id.gs1.org/01/08930000000019/10/L1"],
             "quantityList": [{"epcClass": "https://id.gs1.org/01/08930000000019/10/L2", "quantity": 5, "uom": "LBR"}],
             "sourceList": [{"type": "owning_party", "source": "https://example.org/party/9"}, {"type": "possessing_party", "source": "urn:epc:id:pgln:8936047.80001"}],
             "destinationList": [{"type": "location", "destination": "https://id.gs1.org/414/8936047800087/254/dock-2"}]}
            """,
            """{"type": "AggregationEvent", "action": "ADD", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "parentID": "urn:epc:id:sscc:0614141.1234567890"}""",
            """{"type": "ObjectEvent", "action": "OBSERVE", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["urn:epc:id:giai:4000001.111"]}""",
            """{"type": "ObjectEvent", "action": "DELETE", "bizStep": "decommissioning", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "epcList": ["https://id.gs1.org/01/08930000000019/10/L1"]}"""));

        var shipment = Assert.IsType<ImportedShipment>(Assert.Single(capture.Events));
        Assert.Equal([(Sample.Lot("L1"), (Quantity?)null), (Sample.Lot("L2"), null)], shipment.Lots.Select(l => (l.Batch, l.Quantity)).ToList());
        Assert.Equal(Sample.Producer, shipment.From);
        Assert.Equal(Sample.Warehouse, shipment.To);
        Assert.Equal(
            [
                "eventList[0].epcList[0]",
                "eventList[0].quantityList[0].quantity",
                "eventList[0].sourceList[0].source",
                "eventList[0].destinationList[0].destination",
                "eventList[1]",
                "eventList[2].epcList[0]",
                "eventList[2]",
                "eventList[3].action",
            ],
            capture.Notes.Select(n => n.Field).ToList());
        Assert.Contains("'LBR' is not a supported UN/CEFACT unit", capture.Notes[1].Reason, StringComparison.Ordinal);
        Assert.Contains("extension 'dock-2'", capture.Notes[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Commissioning_makes_lots_and_any_prefix_bound_to_our_namespace_is_read()
    {
        var json = $$$"""
            {
              "@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ours": "{{{EpcisVocabulary.Namespace}}}"}],
              "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2025-06-01T08:00:00+07:00",
              "epcisBody": { "eventList": [
                {"type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "eventTime": "2025-06-01T07:00:00.123456789+07:00", "eventTimeZoneOffset": "+07:00",
                 "quantityList": [{"epcClass": "urn:epc:class:lgtin:893000.0000001.L%2F1", "quantity": 12.5, "uom": "KGM"}],
                 "readPoint": {"id": "https://id.gs1.org/414/8936047800070"}},
                {"type": "ObjectEvent", "action": "OBSERVE", "bizStep": "https://ref.gs1.org/cbv/BizStep-inspecting", "eventTime": "2025-06-01T07:30:00+07:00", "eventTimeZoneOffset": "+07:00",
                 "quantityList": [{"epcClass": "https://id.gs1.org/01/08930000000019/10/L%2F1"}],
                 "certificationInfo": ["https://lab.example/1", "https://lab.example/2"],
                 "sensorElementList": [{"sensorReport": [{"type": "ours:ph", "value": 6.5, "uom": "PH"}, {"type": "Temperature", "stringValue": "cold"}, {"type": "ours:ph", "value": 6.6, "uom": "PH"}]}],
                 "ours:step": "brine test", "ours:kind": "food_safety"}
              ]}
            }
            """;

        var capture = EpcisImport.Parse(json);

        var created = Assert.IsType<ImportedCreation>(capture.Events[0]);
        Assert.Equal((Sample.Lot("L/1"), Sample.Kg(12.5m)), (created.Lots[0].Batch, created.Lots[0].Quantity));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 7, 0, 0, TimeSpan.FromHours(7)).AddTicks(1234567), created.EventTime);
        var check = Assert.IsType<ImportedCheckpoint>(capture.Events[1]);
        Assert.Equal((CheckpointKind.FoodSafety, "brine test", "inspecting"), (check.Kind, check.Step, check.BizStep));
        Assert.Equal([new Measurement("ph", 6.5m, "PH")], check.Measurements);
        Assert.Equal(new Certificate(null, "https://lab.example/1"), check.Certificate);
        Assert.Equal(
            ["eventList[1].certificationInfo", "eventList[1].sensorElementList[0].sensorReport[1]", "eventList[1].sensorElementList[0].sensorReport[2]"],
            capture.Notes.Select(n => n.Field).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Transformations_are_split_merge_or_other_by_their_shape()
    {
        static string Transformation(string inputs, string outputs) =>
            $$"""{"type": "TransformationEvent", "eventTime": "2025-06-01T07:00:00Z", "eventTimeZoneOffset": "+00:00", "inputQuantityList": [{{inputs}}], "outputQuantityList": [{{outputs}}]}""";
        const string a = """{"epcClass": "https://id.gs1.org/01/08930000000019/10/A", "quantity": 10, "uom": "KGM"}""";
        const string b = """{"epcClass": "https://id.gs1.org/01/08930000000019/10/B", "quantity": 5, "uom": "KGM"}""";
        const string honey = """{"epcClass": "https://id.gs1.org/01/08930000000026/10/H", "quantity": 5, "uom": "KGM"}""";

        var capture = EpcisImport.Parse(Document(Transformation(a, b), Transformation(a + "," + b, honey), Transformation(a, honey), Transformation(a, a)));

        Assert.Equal(
            [TransformationKind.Split, TransformationKind.Merge, TransformationKind.Transform, TransformationKind.Transform],
            capture.Events.Select(e => Assert.IsType<ImportedTransformation>(e).Kind).ToList());
    }

    private static string Kind(ImportedEvent e) => e switch
    {
        ImportedCreation => "creation",
        ImportedCheckpoint => "checkpoint",
        ImportedShipment => "shipment",
        ImportedReceipt => "receipt",
        ImportedTransformation t => t.Kind.ToString().ToLowerInvariant(),
        _ => e.GetType().Name,
    };
}
