using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.HashId;
using SupplyChain.Domain.Epcis.Repository;

namespace SupplyChain.Domain.Tests.Epcis.Repository;

public sealed class RepositoryEventsTests
{
    private const string Aggregation = """
        {"type": "AggregationEvent", "action": "ADD", "bizStep": "packing", "eventTime": "2025-06-01T07:00:00+07:00", "eventTimeZoneOffset": "+07:00",
         "recordTime": "2025-06-02T00:00:00Z", "parentID": "urn:epc:id:sscc:0614141.1234567890", "childEPCs": ["urn:epc:id:sgtin:0614141.107346.2017"],
         "childQuantityList": [{"epcClass": "urn:epc:class:lgtin:8930000.000001.L1", "quantity": 12.5, "uom": "KGM"}],
         "readPoint": {"id": "urn:epc:id:sgln:8936047.80007.0"}, "ours:note": "kept"}
        """;

    private static string Document(params string[] events) => $$$"""
        {"@context": ["{{{EpcisVocabulary.ContextUrl}}}", {"ours": "https://example.org/ours/"}], "type": "EPCISDocument", "schemaVersion": "2.0",
         "creationDate": "2025-06-02T00:00:00Z", "epcisBody": {"eventList": [{{{string.Join(",", events)}}}]}}
        """;

    [Fact]
    public void An_event_without_an_id_is_stored_whole_under_its_hash_id_with_the_prefixes_of_its_document()
    {
        var stored = Assert.Single(RepositoryEvents.Read(Document(Aggregation), "8930000000017"));

        var json = JsonNode.Parse(stored.Json)!.AsObject();
        Assert.StartsWith("ni:///sha-256;", stored.EventId, StringComparison.Ordinal);
        Assert.Equal(stored.EventId, stored.Fingerprint);
        Assert.Equal(EventKey.Of(stored.EventId), stored.Key);
        Assert.Null(json["recordTime"]);
        Assert.Equal("kept", json["ours:note"]!.GetValue<string>());
        Assert.Equal("https://example.org/ours/", json["@context"]![1]!["ours"]!.GetValue<string>());
        Assert.Equal(12.5, json["childQuantityList"]![0]!["quantity"]!.GetValue<double>());
    }

    [Fact]
    public void An_event_is_indexed_by_every_thing_a_query_asks_for()
    {
        var stored = Assert.Single(RepositoryEvents.Read(Document(Aggregation), "8930000000017"));

        Assert.Equal(9, stored.Partitions.Count);
        Assert.Equal(["et|20250601", "ty|AggregationEvent", "bs|" + Uri.EscapeDataString("https://ref.gs1.org/cbv/BizStep-packing")], stored.Partitions.Take(3));
        Assert.Equal("rp|" + Uri.EscapeDataString("https://id.gs1.org/414/8936047800070"), stored.Partitions[3]);
        Assert.Equal(["o|" + Uri.EscapeDataString("https://id.gs1.org/01/10614141073464/21/2017"), "g|10614141073464"], stored.Partitions.Skip(4).Take(2));
        Assert.StartsWith("o|" + Uri.EscapeDataString("https://id.gs1.org/00/"), stored.Partitions[6], StringComparison.Ordinal);
        Assert.Equal(["o|" + Uri.EscapeDataString("https://id.gs1.org/01/08930000000019/10/L1"), "g|08930000000019"], stored.Partitions.Skip(7));
    }

    [Fact]
    public void The_same_event_with_and_without_its_hash_id_has_one_key_and_one_fingerprint_and_the_importer_uses_it()
    {
        var without = Assert.Single(RepositoryEvents.Read(Document(Aggregation), ""));
        var with = Assert.Single(RepositoryEvents.Read(Document(Aggregation.Replace("\"type\"", $"\"eventID\": \"{without.EventId}\", \"type\"", StringComparison.Ordinal)), ""));
        var declared = Assert.Single(RepositoryEvents.Read(Document(Aggregation.Replace("\"type\"", "\"errorDeclaration\": {\"declarationTime\": \"2025-06-03T00:00:00Z\"}, \"type\"", StringComparison.Ordinal)), ""));

        Assert.Equal((without.Key, without.Fingerprint), (with.Key, with.Fingerprint));
        Assert.Equal((without.Key, without.Fingerprint), (declared.Key, declared.Fingerprint));
        Assert.Contains("declarationTime", declared.Declaration, StringComparison.Ordinal);
        Assert.Equal(without.Key, EventKey.OfImported(EpcisImport.StoredEventId(without.EventId)));
        Assert.Null(EventKey.OfImported("grpc-client-id"));
    }

    [Fact]
    public void A_batch_event_is_indexed_under_its_export_id_and_an_imported_one_is_not()
    {
        var trace = SampleTrace.Build();
        var (batch, events) = trace.Logs[0];

        var indexed = BatchEvents.Of(batch, events[0]);

        var e = Assert.Single(indexed);
        Assert.Equal(EpcisExport.EventUri(batch, events[0]), e.EventId);
        Assert.True(e.Inline);
        Assert.All(e.Partitions, p => Assert.True(IndexPartition.IsTerm(p), $"expected only term partitions, got {p}"));
        Assert.Contains(IndexPartition.BizStep("https://ref.gs1.org/cbv/BizStep-commissioning"), e.Partitions);
        Assert.Equal("", e.Owner);
        var imported = events[0] with { Event = events[0].Event with { EventId = EpcisImport.StoredEventId("urn:uuid:1") } };
        Assert.Empty(BatchEvents.Of(batch, imported));
    }

    [Fact]
    public void Row_keys_sort_as_record_time_then_key_and_read_back()
    {
        var at = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var keys = new[] { IndexPartition.RowKey(at.AddTicks(1), "A"), IndexPartition.RowKey(at, "b"), IndexPartition.RowKey(at, "-") };

        Assert.Equal([keys[2], keys[1], keys[0]], keys.Order(StringComparer.Ordinal));
        Assert.Equal((at, "b"), IndexPartition.Read(keys[1]));
        Assert.Equal("r|20260105", IndexPartition.RecordDay(at));
        Assert.DoesNotContain('/', IndexPartition.Object("https://id.gs1.org/01/08930000000019/10/A%2FB"));
    }
}
