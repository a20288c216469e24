using System.Net;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using SupplyChain.Domain.Tests.Epcis;
using SupplyChain.Testing;
using SupplyChain.V1;
using Gtin = SupplyChain.Domain.Identifiers.Gtin;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>
/// GS1's example documents that describe lots, captured through POST /epcis/capture and found again by lot through
/// GET /epcis/events and in the gRPC history. Their identifiers are fixed, so they run on a server of their own.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class EpcisExampleCaptureTests(ServerFixture fixture)
{
    private static string GtinOf(string body) => Gtin.FromBody(body).Value;

    private static Timestamp At(int year, int month, int day) => Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_object_and_transformation_examples_are_captured_as_jobs_and_found_by_lot_and_in_the_history()
    {
        await using var server = await ServerProcess.StartAsync(
            fixture.Azurite.ConnectionString, new Dictionary<string, string> { ["Storage__TablePrefix"] = "rx" + Guid.NewGuid().ToString("N")[..12] });
        var participants = new ParticipantService.ParticipantServiceClient(server.Channel);
        var batches = new BatchService.BatchServiceClient(server.Channel);
        var (producer, distributor) = (Ids.Gln(), Ids.Gln());
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "GS1 example producer", Roles = { Role.Producer, Role.Processor } });
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = distributor, Name = "GS1 example distributor", Roles = { Role.Distributor } });
        var item = GtinOf("1061414107346");
        var made = GtinOf("0401234577889");
        var inputs = new (string Gtin, string Lot, double Held, string Unit)[]
        {
            (GtinOf("0401234511122"), "25", 1, "H87"), (GtinOf("0400000165432"), "99886655", 1, "H87"),
            (GtinOf("0401234511111"), "4444", 25, "KGM"), (GtinOf("0061414177777"), "987", 30, "H87"),
        };
        foreach (var (gtin, unit) in inputs.Select(i => (i.Gtin, i.Unit)).Append((item, "H87")).Append((made, "H87")))
        {
            await participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin, ProducerGln = producer, Name = $"GS1 example item {gtin}", Category = "example", Unit = unit });
        }

        foreach (var (gtin, lot, held, unit) in inputs.Append((item, "2017", 1.0, "H87")).Append((item, "2018", 1.0, "H87")))
        {
            await batches.CreateBatchAsync(new CreateBatchRequest
            {
                EventId = Ids.EventId(), Gtin = gtin, Lot = lot, Quantity = new Quantity { Value = held, Unit = unit }, ProducerGln = producer, ProducedAt = At(2005, 4, 1),
            });
        }

        // The object event example has a shipper and a receiver act: an administrator captures it in the producer's name.
        using var admin = EpcisClient.For(server, null, "admin");
        var job = await CaptureAsync(admin, $"/epcis/capture?actorGln={producer}&receiverGln={distributor}", Gs1Files.Example("Example_9.6.1-ObjectEvent.jsonld"));
        Assert.Equal((true, false, 2), (job.GetProperty("success").GetBoolean(), job.GetProperty("running").GetBoolean(), job.GetProperty("eventCount").GetInt32()));

        // The transformation example in the caller's own name, as a processor's token sends it.
        using var processor = EpcisClient.For(server, producer, "producer", "processor");
        await CaptureAsync(processor, "/epcis/capture", Gs1Files.Example("Example_9.6.4-TransformationEvent.jsonld"));

        using var auditor = EpcisClient.For(server, null, "auditor");
        foreach (var (gtin, lot, bizSteps) in new[]
        {
            (item, "2017", new[] { "commissioning", "shipping" }),
            (item, "2018", new[] { "commissioning", "shipping", "receiving" }),
            (made, "28", new[] { "commissioning" }),
            (inputs[3].Gtin, "987", new[] { "commissioning", "commissioning" }),
        })
        {
            var events = await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events?MATCH_anyEPCClass=" + Uri.EscapeDataString(EpcisClient.Lot(gtin, lot))));
            var history = await batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = gtin, Lot = lot });
            Assert.Equal(history.Events.Count, events.Count);
            Assert.Equal(bizSteps.Length, events.Count);
        }

        // Each example event is found by its id, and an export of the lot carries the ids the events were captured with.
        var exported = await new TraceService.TraceServiceClient(server.Channel).ExportEpcisAsync(new ExportEpcisRequest { Gtin = item, Lot = "2018" });
        foreach (var (file, inExport) in new[] { ("Example_9.6.1-ObjectEvent.jsonld", true), ("Example_9.6.4-TransformationEvent.jsonld", false) })
        {
            foreach (var e in JsonDocument.Parse(Gs1Files.Example(file)).RootElement.GetProperty("epcisBody").GetProperty("eventList").EnumerateArray())
            {
                var id = e.GetProperty("eventID").GetString()!;
                var found = Assert.Single(await EpcisClient.EventsAsync(await auditor.GetAsync("/epcis/events/" + Uri.EscapeDataString(id))));
                Assert.Equal(e.GetProperty("type").GetString(), found.GetProperty("type").GetString());
                Assert.Equal(inExport, exported.Document.Contains($"\"eventID\": \"{id}\"", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Captures a document, follows the Location to its job and returns the job.</summary>
    private static async Task<JsonElement> CaptureAsync(HttpClient http, string path, string document)
    {
        using var accepted = await http.PostAsync(path, EpcisClient.JsonLd(document));
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith("/epcis/capture/", location, StringComparison.Ordinal);
        using var job = await http.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, job.StatusCode);
        var answer = JsonDocument.Parse(await job.Content.ReadAsStringAsync()).RootElement;
        Assert.True(answer.GetProperty("success").GetBoolean());
        return answer;
    }
}
