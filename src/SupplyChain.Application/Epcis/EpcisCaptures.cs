using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Application.Epcis;

/// <summary>
/// Capture jobs: a document captured all or nothing (rollback), or event by event (proceed: a refused event is left
/// out and named in the job, the others are stored; events the door's schema refused come already named), each job
/// kept in grain storage for GET /capture/{id}.
/// </summary>
public sealed partial class EpcisCaptures(IGrainFactory grains, EpcisImporter importer, TimeProvider clock)
{
    public async Task<(CaptureJob Job, Imported? Imported)> CaptureAsync(Caller caller, Gln actor, Gln? receiver, string document, bool proceed, IReadOnlyDictionary<int, string> refused, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        Imported? imported;
        var errors = new List<string>();
        int count;
        if (!proceed)
        {
            imported = await importer.ImportAsync(caller, actor, receiver, document, ct);
            count = imported.Capture.EventCount;
        }
        else
        {
            (imported, count) = await ProceedAsync(caller, actor, receiver, document, refused, errors, ct);
        }

        var job = new CaptureJob(id, caller.Subject, started, clock.GetUtcNow(), errors.Count == 0, count, errors, proceed ? "proceed" : "rollback");
        await grains.GetGrain<ICaptureJobGrain>(id).SaveAsync(job);
        await grains.GetGrain<ICaptureJobListGrain>(caller.Subject).AddAsync(id);
        return (job, imported);
    }

    /// <summary>One event (POST /events): all or nothing, answered by the event's location, so no job is kept.</summary>
    public Task<Imported> CaptureEventAsync(Caller caller, Gln actor, Gln? receiver, string document, CancellationToken ct) =>
        importer.ImportAsync(caller, actor, receiver, document, ct);

    /// <summary>A job its sender or an auditor may see; another caller's job is as unknown as a missing one.</summary>
    public async Task<CaptureJob?> FindAsync(Caller caller, string id)
    {
        var job = await grains.GetGrain<ICaptureJobGrain>(id).GetAsync();
        return job is not null && (job.Owner == caller.Subject || Rulebook.ReadsAll(caller)) ? job : null;
    }

    /// <summary>The caller's latest jobs, oldest first.</summary>
    public async Task<IReadOnlyList<CaptureJob>> OfAsync(Caller caller)
    {
        var ids = await grains.GetGrain<ICaptureJobListGrain>(caller.Subject).ListAsync();
        var jobs = await Task.WhenAll(ids.Select(i => grains.GetGrain<ICaptureJobGrain>(i).GetAsync()));
        return jobs.OfType<CaptureJob>().OrderBy(j => j.CreatedAt).ToList();
    }

    /// <summary>
    /// Imports the document without the events refused before (by index, with why) and each event the importer refuses,
    /// until the rest is accepted.
    /// </summary>
    private async Task<(Imported? Imported, int Count)> ProceedAsync(
        Caller caller, Gln actor, Gln? receiver, string document, IReadOnlyDictionary<int, string> leftOut, List<string> errors, CancellationToken ct)
    {
        var root = JsonNode.Parse(document) as JsonObject ?? throw DomainException.Invalid("document", "is not a JSON object");
        var list = root["epcisBody"]?["eventList"] as JsonArray ?? throw DomainException.Invalid("epcisBody.eventList", "is required: an array of events");
        var count = list.Count;
        var original = Enumerable.Range(0, list.Count).ToList();
        foreach (var index in leftOut.Keys.Where(i => i >= 0 && i < count).OrderDescending())
        {
            list.RemoveAt(index);
            original.RemoveAt(index);
        }

        errors.AddRange(leftOut.Where(r => r.Key >= 0 && r.Key < count).OrderBy(r => r.Key).Select(r => r.Value));
        while (list.Count > 0)
        {
            try
            {
                return (await importer.ImportAsync(caller, actor, receiver, root.ToJsonString(), ct), count);
            }
            catch (DomainException refused) when (EventIndex().Match(refused.Message) is { Success: true } at && int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < list.Count)
            {
                var index = int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                errors.Add($"eventList[{original[index]}]{refused.Message[at.Length..]}");
                list.RemoveAt(index);
                original.RemoveAt(index);
            }
        }

        return (null, count);
    }

    [GeneratedRegex(@"^eventList\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex EventIndex();
}
