using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>A trace handed on: as an EPCIS 2.0 document that the GS1 schema accepts, and as an FSMA 204 spreadsheet.</summary>
[Collection(ServerCollection.Name)]
public sealed class ExportTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_realistic_trace_exports_as_an_EPCIS_document_that_validates_against_the_GS1_schema()
    {
        var (world, lineage, lots) = await RealisticTraceAsync();
        var (_, b, _, d) = lots;

        var back = await lineage.Traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin13, Lot = d, Direction = TraceDirection.Back });

        Assert.Equal(("application/ld+json", 4), (back.MediaType, back.BatchCount));
        var document = JsonNode.Parse(back.Document)!.AsObject();
        var errors = Gs1Files.Validate(document);
        Assert.True(errors.Count == 0, $"the exported document does not validate:\n{string.Join("\n", errors)}\n{back.Document}");
        var events = document["epcisBody"]!["eventList"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(back.EventCount, events.Count);

        // a: created, checked, split; b, c: merged (told by d's creation); d: merged from, shipped, received, inspected.
        Assert.Equal(
            ["commissioning", "other", "commissioning", "commissioning", "shipping", "receiving", "inspecting"],
            events.Select(e => e["bizStep"]!.GetValue<string>()).ToList());
        Assert.Equal(
            ["ObjectEvent", "ObjectEvent", "TransformationEvent", "TransformationEvent", "ObjectEvent", "ObjectEvent", "ObjectEvent"],
            events.Select(e => e["type"]!.GetValue<string>()).ToList());
        var received = events[5];
        Assert.Equal("Temperature", received["sensorElementList"]![0]!["sensorReport"]![0]!["type"]!.GetValue<string>());
        Assert.Contains($"/01/{world.Gtin}/10/{d}", received["quantityList"]![0]!["epcClass"]!.GetValue<string>(), StringComparison.Ordinal);
        var masterData = document["epcisHeader"]!["epcisMasterData"]!["vocabularyList"]![0]!["vocabularyElementList"]![0]!;
        Assert.Equal("Bac Lieu sea salt", masterData["attributes"]![0]!["attribute"]!.GetValue<string>());

        var forward = await lineage.Traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin13, Lot = b, Direction = TraceDirection.Forward });
        Assert.Equal(2, forward.BatchCount);
        var forwardErrors = Gs1Files.Validate(JsonNode.Parse(forward.Document)!);
        Assert.True(forwardErrors.Count == 0, string.Join("\n", forwardErrors));
        var forwardBatches = JsonNode.Parse(forward.Document)!["epcisBody"]!["eventList"]!.AsArray().Select(e => e!["sc:batch"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(2, forwardBatches.Count);
        Assert.All(forwardBatches, uri => Assert.True(uri.EndsWith($"/10/{b}", StringComparison.Ordinal) || uri.EndsWith($"/10/{d}", StringComparison.Ordinal), uri));

        var missing = await Assert.ThrowsAsync<RpcException>(() => lineage.Traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin13, Lot = Ids.Lot() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var badDirection = await Assert.ThrowsAsync<RpcException>(() => lineage.Traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin13, Lot = d, Direction = (TraceDirection)7 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badDirection.StatusCode);
    }

    [Fact]
    public async Task The_CSV_covers_the_genealogy_both_ways_in_date_lot_version_order_and_filters_by_date()
    {
        var (world, lineage, lots) = await RealisticTraceAsync();
        var (a, b, _, d) = lots;

        var all = await lineage.Traces.ExportTraceabilityCsvAsync(new ExportTraceabilityCsvRequest { Gtin = world.Gtin13, Lot = b });

        Assert.Equal(("text/csv", 3), (all.MediaType, all.BatchCount));
        var rows = all.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        Assert.Equal(string.Join(",", TraceabilityCsv.Columns), string.Join(",", rows[0]));
        var body = rows.Skip(1).ToList();
        Assert.Equal(all.RowCount, body.Count);
        var lotCode = TraceabilityCsv.Columns.ToList().IndexOf("traceability_lot_code");
        var type = TraceabilityCsv.Columns.ToList().IndexOf("event_type");
        var version = TraceabilityCsv.Columns.ToList().IndexOf("version");
        var date = TraceabilityCsv.Columns.ToList().IndexOf("date");

        // b's parent a (back) and its merged child d (forward) are in; c, d's other input, is neither.
        Assert.Equal(
            new[] { a, b, d }.Select(Code).Order(StringComparer.Ordinal).ToList(),
            body.Select(r => r[lotCode]).Distinct().Order(StringComparer.Ordinal).ToList());
        Assert.Equal(
            body.OrderBy(r => r[date], StringComparer.Ordinal).ThenBy(r => r[lotCode], StringComparer.Ordinal).ThenBy(r => int.Parse(r[version])).Select(r => string.Join(",", r)),
            body.Select(r => string.Join(",", r)));
        Assert.Equal(("created", Code(a)), (body[0][type], body[0][lotCode]));

        // Only a's creation happened three days ago; everything else today.
        var early = await lineage.Traces.ExportTraceabilityCsvAsync(new ExportTraceabilityCsvRequest
        {
            Gtin = world.Gtin13, Lot = b, To = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        });
        Assert.Equal(1, early.RowCount);
        Assert.Contains($"{Code(a)},Bac Lieu sea salt,100,KGM", early.Csv, StringComparison.Ordinal);
        var late = await lineage.Traces.ExportTraceabilityCsvAsync(new ExportTraceabilityCsvRequest
        {
            Gtin = world.Gtin13, Lot = b, From = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        });
        Assert.Equal(all.RowCount - 1, late.RowCount);

        var backwards = await Assert.ThrowsAsync<RpcException>(() => lineage.Traces.ExportTraceabilityCsvAsync(new ExportTraceabilityCsvRequest
        {
            Gtin = world.Gtin13, Lot = b, From = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), To = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, backwards.StatusCode);
        Assert.Contains("to:", backwards.Status.Detail, StringComparison.Ordinal);

        string Code(string lot) => $"(01){world.Gtin}(10){lot}";
    }

    /// <summary>A harvest checked, split in two, merged again, shipped, received with a cold-chain reading and inspected by a lab.</summary>
    private async Task<(World World, Lineage Lineage, (string A, string B, string C, string D) Lots)> RealisticTraceAsync()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, c, d) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await world.CheckAsync(a, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 6.5, Unit = "P1" }, new Measurement { Type = "nacl", Value = 93, Unit = "P1" });
        await lineage.SplitAsync(a, (b, 40), (c, 60));
        await lineage.MergeAsync(d, lineage.Ref(b), lineage.Ref(c));
        await world.ShipAsync(d, world.Producer, world.Distributor);
        await world.ReceiveAsync(d, world.Distributor, 99.5, new Measurement { Type = "temperature", Value = 24, Unit = "CEL" });
        await world.CheckAsync(d, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 92, Unit = "P1" });
        return (world, lineage, (a, b, c, d));
    }
}
