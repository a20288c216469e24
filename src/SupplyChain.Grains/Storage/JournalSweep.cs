using Microsoft.Extensions.Logging;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Epcis;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// Sweeps dead writers' journals into their batches' logs. One silo takes a sweep (a conditional claim on the writer's
/// registration row), deletes the writer's fence rows so that none of its commits can be stored any more, and only
/// then reads what it journaled. A claim whose sweeper is itself gone is taken over the same way.
/// </summary>
internal sealed class JournalSweep(JournalStore store, BatchLogStore log, EpcisIndexFeed feed, TimeProvider clock, TimeSpan lease, SiloAddress silo, IClusterMembershipService membership, string sweeper, ILogger logger)
{
    private readonly HashSet<string> _sweeping = [];

    public async Task SweepDeadAsync(CancellationToken ct)
    {
        foreach (var writer in await store.ListWritersAsync(ct))
        {
            if (writer.Id != sweeper && Dead(writer))
            {
                await SweepAsync(writer, ct);
            }
        }
    }

    /// <summary>Writes a dead writer's journaled events out to their batches, then deletes its journal; nothing when another silo has the sweep.</summary>
    public async Task SweepAsync(JournalWriter writer, CancellationToken ct)
    {
        lock (_sweeping)
        {
            if (!_sweeping.Add(writer.Id))
            {
                return;
            }
        }

        try
        {
            if (!await ClaimAsync(writer, ct))
            {
                return;
            }

            await store.FenceAsync(writer.Id, ct);
            var commits = await store.ReadCommitsAsync(writer.Id, ct);

            // A version journaled twice (a commit whose answer was lost, then the retry) is the later one: the batch went on from it.
            var byBatch = commits.SelectMany(c => c.Entries).GroupBy(e => e.Batch).ToList();
            foreach (var batch in byBatch)
            {
                var events = batch.GroupBy(e => e.Version).Select(v => v.Last().ToStored()).OrderBy(e => e.Recorded.Version).ToList();
                await log.SettleAsync(BatchRef.FromKey(batch.Key), events, writer.Id, ct);
            }

            await feed.WriteAsync(commits.SelectMany(c => c.Entries), ct);
            await store.DeleteCommitsAsync(writer.Id, commits.Select(c => c.Sequence), ct);
            await store.DeleteWriterAsync(writer.Id, ct);
            await feed.ForgetAsync(writer.Id, ct);
            logger.LogWarning("Swept journal {Writer}: {Events} events of {Batches} batches written out", writer.Id, commits.Sum(c => c.Entries.Count), byBatch.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sweeping journal {Writer} failed; it is tried again", writer.Id);
        }
        finally
        {
            lock (_sweeping)
            {
                _sweeping.Remove(writer.Id);
            }
        }
    }

    /// <summary>
    /// A writer is dead when a sweep has begun on it, when it has not beaten for a whole lease, when the cluster declared
    /// its silo dead, or when its silo had this silo's endpoint and an earlier generation (this silo's earlier run).
    /// </summary>
    public bool Dead(JournalWriter writer)
    {
        if (writer.Swept || clock.GetUtcNow() - writer.Heartbeat > lease)
        {
            return true;
        }

        try
        {
            var address = SiloAddress.FromParsableString(writer.Silo);
            return (address.Endpoint.Equals(silo.Endpoint) && address.Generation < silo.Generation)
                || membership.CurrentSnapshot.GetSiloStatus(address) == SiloStatus.Dead;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>True when this silo has the sweep: it claimed it now, claimed it before, or took it over from a sweeper that is gone.</summary>
    private async Task<bool> ClaimAsync(JournalWriter writer, CancellationToken ct)
    {
        if (writer.Swept && writer.Sweeper == sweeper)
        {
            return true;
        }

        if (writer.Swept && writer.Sweeper.Length > 0 && await store.ReadWriterAsync(writer.Sweeper, ct) is { } other && !Dead(other))
        {
            return false;
        }

        return await store.ClaimSweepAsync(writer, sweeper, ct);
    }
}
