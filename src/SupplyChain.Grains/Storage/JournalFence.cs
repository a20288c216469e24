using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// Whether a journal writer may still commit. Storage decides: each commit needs its segment's fence row, which a sweep
/// deletes before reading the journal. The writer also closes itself as soon as it learns it was taken for dead, so
/// that events already queued are refused without a storage call.
/// </summary>
internal sealed class JournalFence(JournalStore store, string writer, ILogger logger)
{
    private readonly Dictionary<long, Task<bool>> _segments = [];
    private volatile string? _closed;
    private volatile bool _leaving;

    /// <summary>Why the writer takes no more events, or null while it takes them.</summary>
    public string? Closed => _closed;

    public void Close(string why)
    {
        if (_closed is null)
        {
            _closed = why;
            logger.LogError("Journal {Writer} takes no more batch events: {Why}", writer, why);
        }
    }

    /// <summary>The silo is shutting down: the dead status it gives itself as it leaves is no reason to close.</summary>
    public void Leave() => _leaving = true;

    /// <summary>Stores a commit row, or fails with nothing stored once the writer is fenced.</summary>
    public async Task CommitAsync(long sequence, IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        if (_closed is null && !await OpenAsync(sequence / JournalStore.SegmentRows, ct))
        {
            Close("a sweep took this silo's journal over (the silo was taken for dead)");
        }

        if (_closed is { } why)
        {
            throw new InconsistentStateException($"{why}; the event was not stored");
        }

        try
        {
            await store.CommitAsync(writer, sequence, entries, ct);
        }
        catch (JournalFencedException ex)
        {
            Close("a sweep took this silo's journal over (the silo was taken for dead)");
            throw new InconsistentStateException($"{ex.Message}; the event was not stored", ex);
        }
    }

    /// <summary>Whether the writer may commit into a segment: its fence row is added once, before the segment's first commit.</summary>
    public Task<bool> OpenAsync(long segment, CancellationToken ct)
    {
        lock (_segments)
        {
            if (!_segments.TryGetValue(segment, out var open) || open.IsFaulted || open.IsCanceled)
            {
                _segments[segment] = open = store.OpenSegmentAsync(writer, segment, ct);
            }

            return open;
        }
    }

    /// <summary>Deletes the fence rows of segments whose commit rows are all deleted (every one, at a clean stop).</summary>
    public async Task ReleaseBelowAsync(long deletedBelow, CancellationToken ct)
    {
        List<long> done;
        lock (_segments)
        {
            done = _segments.Keys.Where(s => (s + 1) * JournalStore.SegmentRows <= deletedBelow).ToList();
        }

        foreach (var segment in done)
        {
            await store.CloseSegmentAsync(writer, segment, ct);
            lock (_segments)
            {
                _segments.Remove(segment);
            }
        }
    }

    /// <summary>A silo declared dead learns it from the membership table and may still hold calls: they are refused at once.</summary>
    public async Task WatchAsync(IClusterMembershipService membership, SiloAddress silo, CancellationToken ct)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(ct))
            {
                if (snapshot.GetSiloStatus(silo) == SiloStatus.Dead && !_leaving)
                {
                    Close("the cluster declared this silo dead");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
