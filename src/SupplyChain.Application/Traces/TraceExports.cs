using System.Text.Json.Nodes;
using SupplyChain.Application.Access;
using SupplyChain.Application.Links;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Traces;

/// <summary>A batch's trace written out for an auditor: as an EPCIS 2.0 document, or as the FSMA 204 spreadsheet.</summary>
public sealed class TraceExports(IGrainFactory grains, TimeProvider clock, CanonicalLinks links)
{
    /// <summary>Every event of the batches of a trace in one direction, as an EPCIS 2.0 JSON-LD document, its Digital Links on the canonical link domain.</summary>
    public async Task<Exported> EpcisAsync(Caller caller, BatchRef root, TraceDirection direction, CancellationToken ct)
    {
        await Readers.CheckBatchAsync(caller, grains, root);
        var genealogy = direction == TraceDirection.Forward
            ? await Genealogy.TraceForwardAsync(root, level => TraceNodes.FetchAsync(grains, level, ct))
            : await Genealogy.TraceBackAsync(root, level => TraceNodes.FetchAsync(grains, level, ct));
        var members = genealogy.Members.Select(m => m.Node.State).ToList();
        var (logs, names) = (await LogsAsync(members, ct), await ProductNamesAsync(members, ct));
        var document = EpcisExport.Document(logs, clock.GetUtcNow(), names, linkDomain: links.Domain);
        await CapturedIdsAsync(document);
        return new Exported(EpcisExport.Text(document), members.Count, EpcisExport.EventCount(document));
    }

    /// <summary>The key data elements of every batch back and forward of the root, between two times when given.</summary>
    public async Task<Exported> CsvAsync(Caller caller, BatchRef root, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        await Readers.CheckBatchAsync(caller, grains, root);
        if (from is { } start && to is { } end && end < start)
        {
            throw DomainException.Invalid("to", $"{end:O} is before from {start:O}");
        }

        var back = Genealogy.TraceBackAsync(root, level => TraceNodes.FetchAsync(grains, level, ct));
        var forward = Genealogy.TraceForwardAsync(root, level => TraceNodes.FetchAsync(grains, level, ct));
        var members = (await back).Members.Concat((await forward).Members).Select(m => m.Node.State).DistinctBy(s => s.Ref).ToList();
        var (logs, names) = (await LogsAsync(members, ct), await ProductNamesAsync(members, ct));
        return new Exported(TraceabilityCsv.Write(logs, names, from, to), members.Count, TraceabilityCsv.Records(logs, names, from, to).Count);
    }

    /// <summary>
    /// Writes the eventID an event was captured with on the exported event it became, when it became one (not several),
    /// so a partner's repository recognises what it sent and de-duplicates what we send.
    /// </summary>
    private async Task CapturedIdsAsync(JsonObject document)
    {
        var imported = (document["epcisBody"]?["eventList"]?.AsArray() ?? [])
            .OfType<JsonObject>()
            .Select(e => (Event: e, Key: e[EpcisVocabulary.Term("eventId")]?.GetValue<string>() is { } id ? EventKey.OfImported(id) : null))
            .Where(e => e.Key is not null)
            .GroupBy(e => e.Key!)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Event, StringComparer.Ordinal);
        if (imported.Count == 0)
        {
            return;
        }

        foreach (var (key, eventId) in await grains.GetGrain<IEpcisRepositoryGrain>(0).IdsOfAsync(imported.Keys.ToList()))
        {
            imported[key]["eventID"] = eventId;
        }
    }

    /// <summary>Every stored event of each batch up to the version its trace saw, read from storage, at most <see cref="Bounded.Concurrency"/> reads at once.</summary>
    private async Task<IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)>> LogsAsync(IReadOnlyList<BatchState> batches, CancellationToken ct)
    {
        var logs = new (BatchRef Batch, IReadOnlyList<RecordedEvent> Events)[batches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Bounded.Concurrency, CancellationToken = ct },
            async (i, _) => logs[i] = (batches[i].Ref, await grains.GetGrain<IBatchAuditGrain>(batches[i].Ref.Key).ReadEventsAsync(batches[i].Version)));
        return logs;
    }

    private async Task<IReadOnlyDictionary<Gtin, string>> ProductNamesAsync(IReadOnlyList<BatchState> batches, CancellationToken ct) =>
        (await TraceNodes.ProductsAsync(grains, batches, ct)).ToDictionary(p => p.Key, p => p.Value.Name);
}
