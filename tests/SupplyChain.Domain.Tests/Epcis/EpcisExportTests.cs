using System.Text.Json.Nodes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;
using Xunit.Abstractions;

namespace SupplyChain.Domain.Tests.Epcis;

public sealed class EpcisExportTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Created = SampleTrace.Start.AddDays(1);

    private static JsonObject Export(TimeSpan? offset = null) =>
        EpcisExport.Document(SampleTrace.Build().Logs, Created, SampleTrace.ProductNames, offset);

    private static List<JsonObject> EventList(JsonObject document) =>
        document["epcisBody"]!["eventList"]!.AsArray().Select(e => e!.AsObject()).ToList();

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static JsonObject Single(JsonObject document, string ourEventId) =>
        Assert.Single(EventList(document), e => e["sc:eventId"]?.GetValue<string>() == ourEventId);

    [Fact]
    public void The_exported_trace_validates_against_the_GS1_EPCIS_schema()
    {
        var document = Export();

        var errors = Gs1Files.Validate(document);

        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        Assert.True(errors.Count == 0, $"the document does not validate:\n{string.Join("\n", errors)}\n{document.ToJsonString(new() { WriteIndented = true })}");
    }

    [Fact]
    public void The_schema_check_is_not_blind()
    {
        var document = Export();
        var first = EventList(document)[0];
        first.Remove("eventTime");
        first["bizStep"] = "harvesting";
        first["quantityList"]![0]!["uom"] = "kg";

        var errors = Gs1Files.Validate(document);

        Assert.True(errors.Count > 0, "a document without eventTime, with a non-CBV bizStep and a lower-case uom must not validate");
    }

    [Fact]
    public void The_schema_check_checks_formats()
    {
        var document = Export();
        EventList(document)[0]["eventID"] = "not a uri";

        Assert.NotEmpty(Gs1Files.Validate(document));
    }

    [Fact]
    public void The_GS1_examples_validate_against_the_same_schema()
    {
        foreach (var name in Gs1Files.Examples)
        {
            var errors = Gs1Files.Validate(JsonNode.Parse(Gs1Files.Example(name))!);
            Assert.True(errors.Count == 0, $"{name} does not validate: {string.Join("\n", errors)}");
        }
    }

    [Fact]
    public void The_document_names_the_standard_context_our_prefix_and_the_products()
    {
        var document = Export();

        Assert.Equal(EpcisVocabulary.ContextUrl, Text(document["@context"]![0]));
        Assert.Equal(EpcisVocabulary.Namespace, Text(document["@context"]![1]!["sc"]));
        Assert.Equal("EPCISDocument", Text(document["type"]));
        Assert.Equal("2.0", Text(document["schemaVersion"]));
        Assert.Equal("2025-06-02T06:00:00.000+07:00", Text(document["creationDate"]));
        var product = document["epcisHeader"]!["epcisMasterData"]!["vocabularyList"]![0]!;
        Assert.Equal("urn:epcglobal:epcis:vtype:EPCClass", Text(product["type"]));
        Assert.Equal($"https://id.gs1.org/01/{Sample.Tea.Value}", Text(product["vocabularyElementList"]![0]!["id"]));
        Assert.Equal("Shan tuyet tea, Ha Giang", Text(product["vocabularyElementList"]![0]!["attributes"]![0]!["attribute"]));
    }

    [Fact]
    public void Each_split_and_merge_is_one_transformation_and_an_undone_merge_leaves_nothing()
    {
        var events = EventList(Export());

        // A: created, 3 checkpoints, shipped, received, split; A2: a checkpoint; B: created, shipped, refused, shipped, received; M: merge; C: created.
        Assert.Equal(15, events.Count);
        Assert.Equal(2, events.Count(e => Text(e["type"]) == "TransformationEvent"));
        Assert.DoesNotContain(events, e => e["sc:eventId"]!.GetValue<string>().Contains('~', StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e["sc:batch"]!.GetValue<string>().EndsWith("/10/C", StringComparison.Ordinal) && Text(e["type"]) == "TransformationEvent");
        var times = events.Select(e => DateTimeOffset.Parse(Text(e["eventTime"]), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order().ToList(), times);
    }

    [Fact]
    public void A_split_lists_the_parent_as_input_and_each_child_as_output()
    {
        var split = Single(Export(), "split-A");

        Assert.Equal("TransformationEvent", Text(split["type"]));
        Assert.Equal("commissioning", Text(split["bizStep"]));
        Assert.Equal("split", Text(split["sc:transformation"]));
        var input = Assert.Single(split["inputQuantityList"]!.AsArray())!;
        Assert.Equal(Lot("A"), Text(input["epcClass"]));
        Assert.Equal(50m, input["quantity"]!.GetValue<decimal>());
        Assert.Equal("KGM", Text(input["uom"]));
        Assert.Equal([Lot("A1"), Lot("A2")], split["outputQuantityList"]!.AsArray().Select(o => Text(o!["epcClass"])).ToList());
        Assert.Equal([30m, 20m], split["outputQuantityList"]!.AsArray().Select(o => o!["quantity"]!.GetValue<decimal>()).ToList());
    }

    [Fact]
    public void A_merge_lists_every_input_and_the_new_lot()
    {
        var merge = Single(Export(), "merge-M");

        Assert.Equal("TransformationEvent", Text(merge["type"]));
        Assert.Equal("merge", Text(merge["sc:transformation"]));
        Assert.Equal([Lot("A1"), Lot("B")], merge["inputQuantityList"]!.AsArray().Select(i => Text(i!["epcClass"])).ToList());
        Assert.Equal([30m, 40m], merge["inputQuantityList"]!.AsArray().Select(i => i!["quantity"]!.GetValue<decimal>()).ToList());
        var made = Assert.Single(merge["outputQuantityList"]!.AsArray())!;
        Assert.Equal(Lot("M"), Text(made["epcClass"]));
        Assert.Equal(70m, made["quantity"]!.GetValue<decimal>());
    }

    [Fact]
    public void Creation_is_a_commissioning_ADD_with_the_lot_as_a_Digital_Link_class()
    {
        var trace = SampleTrace.Build();
        var created = Single(EpcisExport.Document(trace.Logs, Created), "create-A");

        Assert.Equal("ObjectEvent", Text(created["type"]));
        Assert.Equal("ADD", Text(created["action"]));
        Assert.Equal("commissioning", Text(created["bizStep"]));
        Assert.Equal("active", Text(created["disposition"]));
        Assert.Equal($"https://id.gs1.org/01/{Sample.Tea.Value}/10/A", Text(created["quantityList"]![0]!["epcClass"]));
        Assert.Equal(100m, created["quantityList"]![0]!["quantity"]!.GetValue<decimal>());
        Assert.Equal($"https://id.gs1.org/414/{Sample.Farm.Value}", Text(created["readPoint"]!["id"]));
        Assert.Equal($"https://id.gs1.org/414/{Sample.Farm.Value}", Text(created["bizLocation"]!["id"]));
        Assert.Equal($"https://id.gs1.org/417/{Sample.Producer.Value}", Text(created["ilmd"]!["sc:producer"]));
        Assert.Equal("2025-06-01T06:00:00.000+07:00", Text(created["eventTime"]));
        Assert.Equal("+07:00", Text(created["eventTimeZoneOffset"]));
        Assert.Equal(trace.A.Events[0].Hash, Text(created["sc:hash"]));
        Assert.Equal(1, created["sc:version"]!.GetValue<long>());
    }

    [Fact]
    public void Readings_are_sensor_reports_with_CBV_types_where_one_fits()
    {
        var document = Export();
        var cold = Single(document, "cold-1");
        var dry = Single(document, "dry-1");

        Assert.Equal("storing", Text(cold["bizStep"]));
        Assert.Equal("conformant", Text(cold["disposition"]));
        Assert.Equal("environmental", Text(cold["sc:kind"]));
        var element = Assert.Single(cold["sensorElementList"]!.AsArray())!;
        Assert.Equal("2025-06-01T06:20:00.000+07:00", Text(element["sensorMetadata"]!["time"]));
        var reports = element["sensorReport"]!.AsArray().Select(r => (Text(r!["type"]), r["value"]!.GetValue<decimal>(), Text(r["uom"]))).ToList();
        Assert.Equal([("Temperature", 4m, "CEL"), ("RelativeHumidity", 55m, "P1")], reports);
        Assert.Equal("other", Text(dry["bizStep"]));
        Assert.Equal("drying", Text(dry["sc:step"]));
        Assert.Equal("sc:moisture", Text(dry["sensorElementList"]![0]!["sensorReport"]![0]!["type"]));
    }

    [Fact]
    public void A_broken_limit_raises_an_alarm_and_a_failed_check_is_non_conformant()
    {
        var document = Export();
        var failed = Single(document, "lab-2");
        var received = Single(document, "receive-A");

        Assert.Equal("non_conformant", Text(failed["disposition"]));
        Assert.Equal("ALARM_CONDITION", Text(failed["sensorElementList"]![0]!["sensorReport"]![0]!["exception"]));
        Assert.Equal("ALARM_CONDITION", Text(received["sensorElementList"]![0]!["sensorReport"]![0]!["exception"]));
        Assert.Equal("fail", Text(received["sc:verdict"]));
        Assert.Null(Single(document, "cold-1")["sensorElementList"]![0]!["sensorReport"]![0]!["exception"]);
    }

    [Fact]
    public void An_inspection_carries_its_certificate_as_a_URI()
    {
        var document = Export();
        var plain = Single(document, "lab-1");
        var linked = Single(document, "lab-2");

        Assert.Equal("sampling", Text(plain["bizStep"]));
        Assert.Equal($"{EpcisVocabulary.Namespace}certificates/{Sample.Lab.Value}/LAB-2025-0042%20%22H%C3%A0%20N%E1%BB%99i%22%2C%20lead", Text(plain["certificationInfo"]));
        Assert.Equal("LAB-2025-0042 \"Hà Nội\", lead", Text(plain["sc:certificateReference"]));
        Assert.Equal($"https://id.gs1.org/417/{Sample.Lab.Value}", Text(plain["sc:certificateIssuer"]));
        Assert.Equal("https://lab.example/reports/42", Text(linked["certificationInfo"]));
        Assert.Equal("food_safety", Text(linked["sc:kind"]));
    }

    [Fact]
    public void Handoffs_name_the_parties_and_places()
    {
        var document = Export();
        var shipped = Single(document, "ship-5");
        var received = Single(document, "receive-A");
        var refused = Single(document, "reject-B");

        Assert.Equal(("OBSERVE", "shipping", "in_transit"), (Text(shipped["action"]), Text(shipped["bizStep"]), Text(shipped["disposition"])));
        Assert.Null(shipped["bizLocation"]);
        Assert.Equal(
            [("possessing_party", $"https://id.gs1.org/417/{Sample.Producer.Value}"), ("location", $"https://id.gs1.org/414/{Sample.Farm.Value}")],
            shipped["sourceList"]!.AsArray().Select(s => (Text(s!["type"]), Text(s["source"]))).ToList());
        Assert.Equal($"https://id.gs1.org/417/{Sample.Distributor.Value}", Text(shipped["destinationList"]![0]!["destination"]));
        Assert.Equal(("receiving", "in_progress"), (Text(received["bizStep"]), Text(received["disposition"])));
        Assert.Equal(99m, received["quantityList"]![0]!["quantity"]!.GetValue<decimal>());
        Assert.Equal(1m, received["sc:lossQuantity"]!.GetValue<decimal>());
        Assert.Equal("one sack torn,\nresealed", Text(received["sc:condition"]));
        Assert.Equal($"https://id.gs1.org/417/{Sample.Producer.Value}", Text(received["sourceList"]![0]!["source"]));
        Assert.Equal(("receiving", "returned", "seal broken"), (Text(refused["bizStep"]), Text(refused["disposition"]), Text(refused["sc:reason"])));
    }

    [Fact]
    public void The_same_logs_give_the_same_document_and_distinct_event_ids()
    {
        var first = Export().ToJsonString();
        var second = Export().ToJsonString();

        Assert.Equal(first, second);
        var ids = EventList(JsonNode.Parse(first)!.AsObject()).Select(e => Text(e["eventID"])).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id));
    }

    [Fact]
    public void Times_are_written_at_the_chosen_offset()
    {
        var created = Single(Export(TimeSpan.Zero), "create-A");

        Assert.Equal("2025-05-31T23:00:00.000+00:00", Text(created["eventTime"]));
        Assert.Equal("+00:00", Text(created["eventTimeZoneOffset"]));
        Assert.Equal("-03:30", EpcisExport.Offset(TimeSpan.FromMinutes(-210)));
        Refusals.Expect(Refusal.InvalidArgument, () => EpcisExport.Document([], Created, null, TimeSpan.FromHours(15)), "time_zone_offset");
    }

    [Fact]
    public void A_split_child_or_merge_input_whose_other_side_is_not_exported_still_shows_the_transformation()
    {
        var trace = SampleTrace.Build();
        var document = EpcisExport.Document([(trace.A2.Batch, trace.A2.Events), (trace.B.Batch, trace.B.Events)], Created);

        var child = Single(document, "split-A~split1");
        var move = Single(document, "merge-M~merge1");

        Assert.Equal([Lot("A")], child["inputQuantityList"]!.AsArray().Select(i => Text(i!["epcClass"])).ToList());
        Assert.Equal([Lot("A2")], child["outputQuantityList"]!.AsArray().Select(i => Text(i!["epcClass"])).ToList());
        Assert.Equal([Lot("B")], move["inputQuantityList"]!.AsArray().Select(i => Text(i!["epcClass"])).ToList());
        Assert.Equal([Lot("M")], move["outputQuantityList"]!.AsArray().Select(i => Text(i!["epcClass"])).ToList());
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void An_event_type_the_export_does_not_know_goes_out_as_an_observation()
    {
        var batch = Sample.Lot("R1");
        var recalled = new RecordedEvent(2, SampleTrace.Start, "h1", "h2", new Recalled("recall-1", Sample.Auditor, Sample.Shop, SampleTrace.Start));

        var document = EpcisExport.Document([(batch, [recalled])], Created);

        var e = Assert.Single(EventList(document));
        Assert.Equal(("ObjectEvent", "OBSERVE", "holding"), (Text(e["type"]), Text(e["action"]), Text(e["bizStep"])));
        Assert.Equal("Recalled", Text(e["sc:eventType"]));
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Lots_with_characters_that_need_escaping_stay_valid_URIs()
    {
        var log = SampleTrace.Produced("L/1 \"x\"%", 5m, SampleTrace.Start);

        var document = EpcisExport.Document([(log.Batch, log.Events)], Created);

        Assert.Equal($"https://id.gs1.org/01/{Sample.Tea.Value}/10/L%2F1%20%22x%22%25", Text(EventList(document)[0]["quantityList"]![0]!["epcClass"]));
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Batches_of_two_products_list_both_products_in_GTIN_order()
    {
        // Found by the fuzz run: the products were sorted by a comparison GTINs do not have, so such an export failed.
        var honey = BatchLog.Produced("H1", 5m, gtin: Sample.Honey);
        var tea = BatchLog.Produced("T1", 5m);
        var names = new Dictionary<Gtin, string> { [Sample.Tea] = "tea", [Sample.Honey] = "honey" };

        var document = EpcisExport.Document([(honey.Batch, honey.Events), (tea.Batch, tea.Events)], Created, names);

        var products = document["epcisHeader"]!["epcisMasterData"]!["vocabularyList"]![0]!["vocabularyElementList"]!.AsArray();
        Assert.Equal([EpcisIdentifier.ProductUri(Sample.Tea), EpcisIdentifier.ProductUri(Sample.Honey)], products.Select(p => Text(p!["id"])));
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static string Lot(string lot) => EpcisIdentifier.LotUri(Sample.Lot(lot));

    /// <summary>An event type added after the export was written.</summary>
    private sealed record Recalled(string EventId, Gln Actor, Gln Location, DateTimeOffset EventTime) : BatchEvent(EventId, Actor, Location, EventTime)
    {
        public override string BizStep => "holding";
    }

    [Fact]
    public void An_event_declared_in_error_carries_the_standard_s_errorDeclaration_and_the_declaration_is_no_event_of_its_own()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Append(new ErrorDeclared("ship-2~declared0", Sample.Producer, Sample.Farm, Sample.Now, "ship-2", 2, "incorrect_data", ["urn:uuid:fix-1"]));

        var document = EpcisExport.Document([(log.Batch, log.Events)], Created);

        Assert.Equal(2, EpcisExport.EventCount(document));
        Assert.Null(Single(document, "create-L2025-001")["errorDeclaration"]);
        var declaration = Single(document, "ship-2")["errorDeclaration"]!.AsObject();
        Assert.Equal(EpcisExport.Time(Sample.Now, EpcisExport.VietnamOffset), Text(declaration["declarationTime"]));
        Assert.Equal("incorrect_data", Text(declaration["reason"]));
        Assert.Equal("urn:uuid:fix-1", Text(declaration["correctiveEventIDs"]![0]));
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
