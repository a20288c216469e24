using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Epcis;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// The silo's journal writer: group commit of batch events. A batch hands each new event here and replies to its client
/// once the event is in a commit row; the events waiting while one row is written go into the next row together, so
/// that many batches' events cost one storage write. Batches write their events out to their own logs later
/// (<see cref="BatchLogStore.WriteOutAsync"/>) and say so here (<see cref="Settle"/>); rows whose events are all
/// written out are deleted.
/// The writer proves it is alive with a heartbeat row and accepts no event once it could not renew it for half the
/// lease, or once it learns that the cluster declared its silo dead. A journal taken for dead is swept by one silo
/// (<see cref="JournalSweep"/>), which first fences it: every later commit fails in storage, whatever this silo believes.
/// A batch whose head names a live writer other than its own silo's waits for it.
/// </summary>
public sealed class BatchJournal : ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int MaxEntries = 100;

    /// <summary>Commit rows written at once.</summary>
    private const int InFlight = 2;

    private readonly JournalStore _store;
    private readonly BatchLogStore _log;
    private readonly TimeProvider _clock;
    private readonly ILogger<BatchJournal> _logger;
    private readonly TimeSpan _lease;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SortedDictionary<long, int> _outstanding = [];
    private readonly Dictionary<BatchRef, List<(StoredEvent Event, long Sequence)>> _left = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];
    private long _next;
    private long _deletedBelow;
    private Azure.ETag? _beat;
    private DateTimeOffset _lastBeat = DateTimeOffset.MinValue;

    private readonly ILocalSiloDetails _silo;
    private readonly IClusterMembershipService _membership;
    private readonly JournalSweep _sweep;
    private readonly JournalFence _fence;
    private readonly EpcisIndexFeed _feed;

    public BatchJournal(JournalStore store, BatchLogStore log, EpcisIndexFeed feed, RecordClock records, TimeProvider clock, IOptions<StorageOptions> options, ILocalSiloDetails silo, IClusterMembershipService membership, ILogger<BatchJournal> logger)
    {
        (_store, _log, _feed, Records, _clock, _logger, _silo, _membership) = (store, log, feed, records, clock, logger, silo, membership);
        _lease = options.Value.JournalLease > TimeSpan.Zero ? options.Value.JournalLease : TimeSpan.FromSeconds(30);
        _fence = new JournalFence(store, Writer, logger);
        _sweep = new JournalSweep(store, log, feed, clock, _lease, silo.SiloAddress, membership, Writer, logger);
    }

    /// <summary>The silo's record clock: a batch event's record time is open from its commit until the feed indexes it.</summary>
    public RecordClock Records { get; }

    /// <summary>This writer's id, unique to the silo process.</summary>
    public string Writer { get; } = Guid.NewGuid().ToString("N")[..16];

    private sealed record Pending(JournalEntry Entry, TaskCompletionSource<long> Done);

    public void Participate(ISiloLifecycle lifecycle)
    {
        lifecycle.Subscribe(nameof(BatchJournal), ServiceLifecycleStage.RuntimeStorageServices, StartAsync, StopAsync);

        // Stops run from the last stage down: this one before the silo marks itself dead in the membership table as it leaves.
        lifecycle.Subscribe(nameof(BatchJournal) + ".Leaving", ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ =>
        {
            _fence.Leave();
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Registers the writer, sweeps the journals of silos known dead (this silo's earlier runs among them, so that a
    /// restarted server has every batch's events in its log before it takes calls), and starts the writer's loops.
    /// </summary>
    public async Task StartAsync(CancellationToken ct)
    {
        await BeatAsync(ct);
        if (_beat is null)
        {
            throw new InvalidOperationException($"journal writer {Writer} could not register");
        }

        if (!await _fence.OpenAsync(0, ct))
        {
            throw new InvalidOperationException($"journal writer {Writer} was swept as it started");
        }

        await _sweep.SweepDeadAsync(ct);
        _loops.Add(Task.Run(() => WriteLoopAsync(_stop.Token)));
        _loops.Add(Task.Run(() => _fence.WatchAsync(_membership, _silo.SiloAddress, _stop.Token)));
        _loops.Add(Task.Run(() => Periodic.RunAsync(_clock, _logger, Writer, _lease / 6, BeatAsync, _stop.Token)));
        _loops.Add(Task.Run(() => Periodic.RunAsync(_clock, _logger, Writer, TimeSpan.FromSeconds(1), TidyAsync, _stop.Token)));
        _loops.Add(Task.Run(() => Periodic.RunAsync(_clock, _logger, Writer, _lease / 2, _sweep.SweepDeadAsync, _stop.Token)));
        _loops.Add(Task.Run(() => Periodic.RunAsync(_clock, _logger, Writer, TimeSpan.FromSeconds(1), ct => _feed.StepAsync(Writer, ct), _stop.Token)));
    }

    /// <summary>After the silo's grains are gone: writes out what deactivations left, then removes the journal if nothing is owed.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        for (var attempt = 0; attempt < 5 && LeftCount() > 0 && !ct.IsCancellationRequested; attempt++)
        {
            await WriteOutLeftAsync(ct);
        }

        await _feed.FlushAsync(ct);
        await _stop.CancelAsync();
        await Task.WhenAll(_loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        if (LeftCount() == 0 && Outstanding() == 0 && _feed.OldestUnindexed is null && _fence.Closed is null)
        {
            try
            {
                await _store.DeleteCommitsAsync(Writer, JournalStore.Sequences(_deletedBelow, _next), ct);
                await _fence.ReleaseBelowAsync(long.MaxValue, ct);

                await _store.DeleteWriterAsync(Writer, ct);
                await _feed.ForgetAsync(Writer, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Journal {Writer} could not remove itself; another silo sweeps it after its lease", Writer);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        _stop.Dispose();
    }

    /// <summary>Why this journal takes no events now, or null when it takes them.</summary>
    public string? Refusal =>
        _fence.Closed ?? (_clock.GetUtcNow() - _lastBeat > _lease / 2
            ? "this silo's journal could not renew its heartbeat (storage unreachable, or the silo was taken for dead)"
            : null);

    /// <summary>Stores an event in the next commit row; the row's sequence number once it is stored.</summary>
    public Task<long> CommitAsync(BatchRef batch, StoredEvent stored)
    {
        if (Refusal is { } refusal)
        {
            throw new InconsistentStateException($"{refusal}, so it takes no events for batch {batch}");
        }

        var pending = new Pending(JournalEntry.Of(batch, stored), new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InconsistentStateException($"this silo is stopping; batch {batch} takes events on another silo");
        }

        return pending.Done.Task;
    }

    /// <summary>A batch has written these commits' events out to its log.</summary>
    public void Settle(IEnumerable<long> sequences)
    {
        lock (_outstanding)
        {
            foreach (var sequence in sequences)
            {
                if (_outstanding.TryGetValue(sequence, out var count))
                {
                    if (count <= 1)
                    {
                        _outstanding.Remove(sequence);
                    }
                    else
                    {
                        _outstanding[sequence] = count - 1;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A batch deactivated without writing its events out (storage failed): the journal keeps trying, and the batch
    /// takes no new events on this silo until then. With no events, what is owed is clearing the writer from its head.
    /// </summary>
    public void Leave(BatchRef batch, IReadOnlyList<(StoredEvent Event, long Sequence)> events)
    {
        lock (_left)
        {
            _left[batch] = _left.TryGetValue(batch, out var earlier) ? earlier.Concat(events).ToList() : events.ToList();
        }
    }

    /// <summary>Whether a deactivated activation of the batch left events here not yet written out.</summary>
    public bool Holds(BatchRef batch)
    {
        lock (_left)
        {
            return _left.ContainsKey(batch);
        }
    }

    /// <summary>
    /// Makes sure the events another writer journaled for a batch are in its log: true when that writer is gone (removed
    /// itself, or was swept); false when it is alive or its sweep has just started (the batch must wait).
    /// </summary>
    public async Task<bool> ReleasedByAsync(string writer, CancellationToken ct = default)
    {
        var found = await _store.ReadWriterAsync(writer, ct);
        if (found is null)
        {
            return true;
        }

        if (_sweep.Dead(found))
        {
            _ = Task.Run(() => _sweep.SweepAsync(found, _stop.Token));
        }

        return false;
    }

    /// <summary>
    /// Takes what waits (up to a row's worth) whenever fewer than <see cref="InFlight"/> commit rows are being written,
    /// so that the next row fills while the store works on the last ones.
    /// </summary>
    private async Task WriteLoopAsync(CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(InFlight);
        var writes = new List<Task>();
        try
        {
            await TakeAsync(slots, writes, ct);
        }
        finally
        {
            await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task TakeAsync(SemaphoreSlim slots, List<Task> writes, CancellationToken ct)
    {
        while (await _queue.Reader.WaitToReadAsync(ct))
        {
            await slots.WaitAsync(ct);
            var group = new List<Pending>();
            var characters = 0;
            while (group.Count < MaxEntries && _queue.Reader.TryPeek(out var next)
                && (group.Count == 0 || characters + next.Entry.Json.Length <= JournalStore.RowCharacters) && _queue.Reader.TryRead(out next))
            {
                group.Add(next);
                characters += next.Entry.Json.Length;
            }

            var sequence = _next++;
            lock (_outstanding)
            {
                _outstanding[sequence] = group.Count;
            }

            writes.RemoveAll(w => w.IsCompleted);
            writes.Add(CommitGroupAsync(sequence, group, slots, ct));
        }
    }

    private async Task CommitGroupAsync(long sequence, List<Pending> group, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            var entries = group.Select(p => p.Entry).ToList();
            await _fence.CommitAsync(sequence, entries, ct);
            _feed.Add(sequence, entries);
            foreach (var pending in group)
            {
                pending.Done.TrySetResult(sequence);
            }
        }
        catch (Exception ex)
        {
            lock (_outstanding)
            {
                _outstanding.Remove(sequence);
            }

            foreach (var pending in group)
            {
                pending.Done.TrySetException(ex);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        if (_fence.Closed is not null)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        try
        {
            var beat = await _store.RenewAsync(Writer, _silo.SiloAddress.ToParsableString(), now, _beat, ct);
            if (beat is null)
            {
                if (_beat is not null)
                {
                    _fence.Close("a sweep took this silo's journal over (the silo was taken for dead)");
                }

                return;
            }

            (_beat, _lastBeat) = (beat, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Journal {Writer} could not renew its heartbeat", Writer);
        }
    }

    /// <summary>Writes out what deactivations left, then deletes the commit rows below the oldest one still owed.</summary>
    private async Task TidyAsync(CancellationToken ct)
    {
        await WriteOutLeftAsync(ct);
        long below;
        lock (_outstanding)
        {
            below = _outstanding.Count > 0 ? _outstanding.Keys.First() : _next;
        }

        // A commit row stays until its events are indexed too: a sweep after a crash indexes them from it.
        below = Math.Min(below, _feed.OldestUnindexed ?? below);

        if (below > _deletedBelow)
        {
            await _store.DeleteCommitsAsync(Writer, JournalStore.Sequences(_deletedBelow, below), ct);
            _deletedBelow = below;
        }

        await _fence.ReleaseBelowAsync(_deletedBelow, ct);
    }

    private async Task WriteOutLeftAsync(CancellationToken ct)
    {
        List<(BatchRef Batch, List<(StoredEvent Event, long Sequence)> Events)> left;
        lock (_left)
        {
            left = _left.Select(p => (p.Key, p.Value)).ToList();
        }

        foreach (var (batch, events) in left)
        {
            try
            {
                await _log.SettleAsync(batch, events.Select(e => e.Event).ToList(), Writer, ct);
                lock (_left)
                {
                    _left.Remove(batch);
                }

                Settle(events.Select(e => e.Sequence));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Journal {Writer} could not yet write out the events batch {Batch} left", Writer, batch);
            }
        }
    }

    private int LeftCount()
    {
        lock (_left)
        {
            return _left.Count;
        }
    }

    private int Outstanding()
    {
        lock (_outstanding)
        {
            return _outstanding.Count;
        }
    }
}
