using System.Collections.Concurrent;
using SupplyChain.Domain.Access;

namespace SupplyChain.Server.Epcis;

/// <summary>The capture jobs of this server process, kept in memory: a restart forgets them (the events they captured stay stored).</summary>
public sealed class CaptureJobs
{
    private const int Kept = 10_000;

    private readonly ConcurrentDictionary<string, CaptureJob> _jobs = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<string> _order = new();

    public void Keep(CaptureJob job)
    {
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        // The oldest are forgotten first, so memory stays bounded whatever the capture rate.
        while (_order.Count > Kept && _order.TryDequeue(out var oldest))
        {
            _jobs.TryRemove(oldest, out _);
        }
    }

    /// <summary>A job its sender or an auditor may see; another caller's job is as unknown as a missing one.</summary>
    public CaptureJob? Find(string id, Caller caller) =>
        _jobs.TryGetValue(id, out var job) && (job.Owner == caller.Subject || Rulebook.ReadsAll(caller)) ? job : null;

    public IReadOnlyList<CaptureJob> Of(Caller caller) =>
        _jobs.Values.Where(j => j.Owner == caller.Subject || Rulebook.ReadsAll(caller)).OrderBy(j => j.CreatedAt).ToList();
}
