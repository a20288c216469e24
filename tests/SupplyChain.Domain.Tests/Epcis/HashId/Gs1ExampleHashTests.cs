using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Tests.Epcis.HashId;

public sealed class Gs1ExampleHashTests
{
    public static TheoryData<string> Examples => new(Gs1Files.Examples);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_GS1_example_event_keeps_its_id_when_its_keys_and_lists_are_reordered(string example)
    {
        var document = JsonNode.Parse(Gs1Files.Example(example))!;
        var prefixes = JsonLdPrefixes.Standard.With(JsonSerializer.SerializeToElement(document["@context"]));
        var events = document["epcisBody"]!["eventList"]!.AsArray();

        var ids = events.Select(e => EventHashId.Of(e!, prefixes)).ToList();
        var reordered = events.Select(e => EventHashId.Of(JsonNode.Parse(Reversed(e!).ToJsonString(new JsonSerializerOptions { WriteIndented = true }))!, prefixes)).ToList();

        Assert.Equal(ids, reordered);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$", id));
    }

    // Every EPCIS list is a set for the hash, and JSON object keys have no order: reverse both, all the way down.
    private static JsonNode Reversed(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Reversed(p.Value)))),
        JsonArray a => new JsonArray(a.Reverse().Select(i => i is null ? null : Reversed(i)).ToArray()),
        _ => node.DeepClone(),
    };
}
