using System.Text.Json.Nodes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

/// <summary>
/// A transformation as the standard formats tell it: 30 kg of tea lot A and all 20 kg of lot B become 40 and 10 jars (J1,
/// J2) of another product; lot C's part in another transformation was undone.
/// </summary>
public sealed class TransformationExportTests
{
    private static readonly DateTimeOffset Start = Sample.Now.AddHours(-6);
    private static readonly BatchRef J1 = new(Sample.Honey, "J1");
    private static readonly BatchRef J2 = new(Sample.Honey, "J2");

    private readonly BatchLog _a = SampleTrace.Produced("A", 100m, Start);
    private readonly BatchLog _b = SampleTrace.Produced("B", 20m, Start.AddMinutes(1));
    private readonly BatchLog _c = SampleTrace.Produced("C", 5m, Start.AddMinutes(2));
    private readonly BatchLog _j1 = new(J1);
    private readonly BatchLog _j2 = new(J2);

    public TransformationExportTests()
    {
        var c = new TransformBatches(
            "transform-1", [new TransformInput(_a.Batch, Sample.Kg(30m)), new TransformInput(_b.Batch, null)],
            [new BatchPart(J1, new Quantity(40m, "H87")), new BatchPart(J2, new Quantity(10m, "H87"))], Sample.Producer, Sample.Warehouse, Start.AddHours(1));
        var used = new[] { _a, _b }.Select((log, i) => BatchRules.UseInTransformation(log.State, BatchRules.InputOf(c, i), Sample.Now)).ToList();
        _a.Append(used[0]);
        _b.Append(used[1]);
        var first = BatchRules.TransformOutput(c, used);
        _j1.Append(first);
        _j2.Append(BatchRules.TransformOutput(c, first, 1));

        var other = c with { EventId = "transform-2", Inputs = [new TransformInput(_c.Batch, null)], Outputs = [new BatchPart(new BatchRef(Sample.Honey, "J9"), new Quantity(1m, "H87"))] };
        var move = BatchRules.UseInTransformation(_c.State, BatchRules.InputOf(other, 0), Sample.Now);
        _c.Append(move);
        _c.Append(BatchRules.RevertTransformation(
            _c.State, new RevertTransformation("transform-2~untransform0", _c.Batch, "transform-2", other.Outputs, move.Used, Sample.Producer, Sample.Warehouse, "input D is on hold"), Start.AddHours(2)));
    }

    private IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> Logs(params BatchLog[] logs) => logs.Select(l => (l.Batch, l.Events)).ToList();

    private static List<JsonObject> EventList(JsonObject document) => document["epcisBody"]!["eventList"]!.AsArray().Select(e => e!.AsObject()).ToList();

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static List<(string Lot, decimal Quantity, string? Unit)> Quantities(JsonNode? list) =>
        list!.AsArray().Select(q => (Text(q!["epcClass"]), q!["quantity"]!.GetValue<decimal>(), q["uom"]?.GetValue<string>())).ToList();

    private static string Lot(BatchRef batch) => EpcisIdentifier.LotUri(batch);

    [Fact]
    public void A_transformation_is_one_TransformationEvent_of_every_input_and_output_that_validates_against_the_GS1_schema()
    {
        var document = EpcisExport.Document(Logs(_a, _b, _c, _j1, _j2), Sample.Now);

        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, $"the document does not validate:\n{string.Join("\n", errors)}\n{document.ToJsonString(new() { WriteIndented = true })}");
        var events = EventList(document);
        var transformation = Assert.Single(events, e => Text(e["type"]) == "TransformationEvent");
        Assert.Equal(("transform", "transform-1", "commissioning", Lot(J1)), (Text(transformation["sc:transformation"]), Text(transformation["sc:eventId"]), Text(transformation["bizStep"]), Text(transformation["sc:batch"])));
        Assert.Equal([(Lot(_a.Batch), 30m, "KGM"), (Lot(_b.Batch), 20m, "KGM")], Quantities(transformation["inputQuantityList"]));
        Assert.Equal([(Lot(J1), 40m, null), (Lot(J2), 10m, null)], Quantities(transformation["outputQuantityList"]));
        Assert.Equal(EpcisExport.Time(Start.AddHours(1), EpcisExport.VietnamOffset), Text(transformation["eventTime"]));

        // Three creations and the transformation: the inputs' uses, the other output's creation and C's undone use tell nothing more.
        Assert.Equal(4, events.Count);
    }

    [Fact]
    public void Master_data_names_the_products_on_both_sides_in_GTIN_order()
    {
        var names = new Dictionary<Gtin, string> { [Sample.Honey] = "Honey-cured tea jar", [Sample.Tea] = "Shan tuyet tea" };

        var document = EpcisExport.Document(Logs(_j1, _a), Sample.Now, names);

        var products = document["epcisHeader"]!["epcisMasterData"]!["vocabularyList"]![0]!["vocabularyElementList"]!.AsArray();
        Assert.Equal([EpcisIdentifier.ProductUri(Sample.Tea), EpcisIdentifier.ProductUri(Sample.Honey)], products.Select(p => Text(p!["id"])));
        Assert.Empty(Gs1Files.Validate(document));
    }

    [Fact]
    public void One_side_of_a_transformation_still_shows_all_of_it()
    {
        var fromInput = Assert.Single(EventList(EpcisExport.Document(Logs(_a), Sample.Now)), e => Text(e["type"]) == "TransformationEvent");
        var fromOutput = EpcisExport.Document(Logs(_j2), Sample.Now);

        Assert.Equal([(Lot(_a.Batch), 30m, "KGM")], Quantities(fromInput["inputQuantityList"]));
        Assert.Equal([(Lot(J1), 40m, null), (Lot(J2), 10m, null)], Quantities(fromInput["outputQuantityList"]));
        Assert.Equal("transform-1~transform0", Text(fromInput["sc:eventId"]));
        var made = Assert.Single(EventList(fromOutput));
        Assert.Equal([(Lot(_a.Batch), 30m, "KGM"), (Lot(_b.Batch), 20m, "KGM")], Quantities(made["inputQuantityList"]));
        Assert.Equal([(Lot(J2), 10m, null)], Quantities(made["outputQuantityList"]));
        Assert.Empty(Gs1Files.Validate(fromOutput));
    }

    [Fact]
    public void An_undone_use_leaves_nothing()
    {
        var events = EventList(EpcisExport.Document(Logs(_c), Sample.Now));

        Assert.Equal("ObjectEvent", Text(Assert.Single(events)["type"]));
    }

    [Fact]
    public void The_spreadsheet_has_a_transformation_row_for_each_input_and_output()
    {
        var rows = TraceabilityCsv.Records(Logs(_a, _b, _c, _j1, _j2));

        var a = Assert.Single(rows, r => r.Batch == _a.Batch && r.Version == 2);
        Assert.Equal(("transformation", "transformed into 2 lots; 70 KGM remains", Sample.Kg(30m)), (a.EventType, a.Detail, a.Quantity));
        Assert.Equal([J1, J2], a.RelatedLots);
        var j2 = Assert.Single(rows, r => r.Batch == J2);
        Assert.Equal(("transformation", "transformed from", new Quantity(10m, "H87")), (j2.EventType, j2.Detail, j2.Quantity));
        Assert.Equal([_a.Batch, _b.Batch], j2.RelatedLots);
        var undone = Assert.Single(rows, r => r.Batch == _c.Batch && r.Version == 3);
        Assert.Equal(("transformation_reverted", "input D is on hold"), (undone.EventType, undone.Detail));
        Assert.Contains(",transformation,transformed from,", TraceabilityCsv.Write(Logs(_j1)), StringComparison.Ordinal);
    }
}
