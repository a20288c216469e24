using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.Query;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Epcis;

/// <summary>
/// SimpleEventQuery over one lot: the lot named by MATCH_anyEPCClass is read from its own log (no scan), under the
/// batch read rules, and the domain matcher keeps the events every other parameter asks for.
/// </summary>
public sealed class EpcisEvents(IGrainFactory grains, TimeProvider clock)
{
    private const string LotParameter = "MATCH_anyEPCClass";

    /// <summary>The one lot a query names in MATCH_anyEPCClass, or null when it names none (or several) and needs an index this repository lacks.</summary>
    public static BatchRef? Lot(EventQuery query)
    {
        if (!query.Patterns.TryGetValue(LotParameter, out var patterns) || patterns is not [{ Exact: { } exact, Below: null }])
        {
            return null;
        }

        // Canonical form: https://id.gs1.org/01/{gtin}/10/{lot}
        var marker = exact.IndexOf("/01/", StringComparison.Ordinal);
        var lotAt = exact.IndexOf("/10/", StringComparison.Ordinal);
        if (marker < 0 || lotAt != marker + 4 + 14 || exact.IndexOf('/', lotAt + 4) >= 0)
        {
            throw DomainException.Invalid(LotParameter, $"'{exact}' is not a lot (an LGTIN, or a Digital Link with /01/ and /10/)");
        }

        return BatchRef.Parse(exact[(marker + 4)..lotAt], Uri.UnescapeDataString(exact[(lotAt + 4)..]), LotParameter + ".");
    }

    /// <summary>The EPCISQueryDocument of the lot's events that match, in event-time order, at most eventCountLimit of them.</summary>
    public async Task<JsonObject> QueryAsync(Caller caller, BatchRef lot, EventQuery query, CancellationToken ct)
    {
        await Readers.CheckBatchAsync(caller, grains, lot);
        var state = await grains.GetGrain<IBatchGrain>(lot.Key).GetAsync() ?? throw DomainException.NotFound($"batch {lot} does not exist");
        var events = await grains.GetGrain<IBatchAuditGrain>(lot.Key).ReadEventsAsync(state.Version);
        ct.ThrowIfCancellationRequested();
        // An event is found by the id it was captured with as well as by the id its export carries.
        var asked = query.EventIds.Select(EpcisImport.StoredEventId).ToHashSet(StringComparer.Ordinal);
        if (asked.Count > 0)
        {
            query = query with { EventIds = [.. query.EventIds, .. events.Where(r => asked.Contains(r.Event.EventId)).Select(r => EpcisExport.EventUri(lot, r))] };
        }

        var document = EpcisExport.Document([(lot, events)], clock.GetUtcNow());
        var kept = new JsonArray();
        foreach (var node in document["epcisBody"]?["eventList"]?.AsArray() ?? new JsonArray())
        {
            if (kept.Count >= (query.EventCountLimit ?? int.MaxValue))
            {
                break;
            }

            using var parsed = JsonDocument.Parse(node!.ToJsonString());
            if (query.Matches(parsed.RootElement))
            {
                kept.Add(node!.DeepClone());
            }
        }

        return new JsonObject
        {
            ["@context"] = document["@context"]!.DeepClone(),
            ["type"] = "EPCISQueryDocument",
            ["schemaVersion"] = "2.0",
            ["creationDate"] = document["creationDate"]!.DeepClone(),
            ["epcisBody"] = new JsonObject
            {
                ["queryResults"] = new JsonObject
                {
                    ["queryName"] = "SimpleEventQuery",
                    ["resultsBody"] = new JsonObject { ["eventList"] = kept },
                },
            },
        };
    }
}
