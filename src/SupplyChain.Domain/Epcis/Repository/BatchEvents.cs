using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Epcis.HashId;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// A batch's own event (recorded through gRPC) as the repository indexes it: written as its EPCIS export writes it,
/// under the export's eventID. Events imported from a captured EPCIS event yield nothing: the captured event is stored whole.
/// It is indexed inline (one row, its record day's, with its terms as columns): every row costs the store about as
/// much as the journal's own work for the event; a lot query reads the batch's own log for it.
/// </summary>
public static class BatchEvents
{
    private static readonly JsonLdPrefixes Prefixes = JsonLdPrefixes.Standard.With(
        JsonSerializer.SerializeToElement(new JsonObject { [EpcisVocabulary.Prefix] = EpcisVocabulary.Namespace }));

    public static IReadOnlyList<RepositoryEvent> Of(BatchRef batch, RecordedEvent recorded)
    {
        if (EventKey.OfImported(recorded.Event.EventId) is not null)
        {
            return [];
        }

        var document = EpcisExport.Document([(batch, [recorded])], recorded.RecordedAt);
        var events = new List<RepositoryEvent>();
        foreach (var node in document["epcisBody"]?["eventList"]?.AsArray() ?? [])
        {
            var e = node!.AsObject();
            var id = e["eventID"]?.GetValue<string>() ?? EpcisExport.EventUri(batch, recorded);
            var json = e.ToJsonString();
            using var parsed = JsonDocument.Parse(json);
            var eventTime = recorded.Event.EventTime;
            events.Add(new RepositoryEvent(0, id, EventKey.Of(id), json, "", eventTime, null, RepositoryEvents.Partitions(parsed.RootElement, Prefixes, eventTime).Where(IndexPartition.IsTerm).ToList(), "", Inline: true));
        }

        return events;
    }
}
