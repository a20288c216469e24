using Microsoft.Extensions.Logging;
using Orleans.Storage;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// One activation's view of a batch's log: loads its state from the head row, stores each event in the silo's journal
/// (the group commit) and writes journaled events out to the log some at a time (after <see cref="StorageOptions.WriteOutAfter"/>,
/// at <see cref="StorageOptions.WriteOutEvents"/>, on close and before any read of the stored log); the head row names
/// this silo's journal while events may be only there. Not thread-safe: the grain's turns keep it single-threaded.
/// </summary>
/// <param name="schedule">Starts a one-shot timer on the activation (a grain timer), so write outs run in the grain's turns.</param>
/// <param name="deactivate">Lets the activation go (it found itself stale).</param>
/// <param name="recover">Finishes what events a journal sweep wrote out without the batch left undone (their alerts).</param>
public sealed class BatchLog(
    BatchRef batch, BatchLogStore log, BatchJournal journal, StorageOptions options, ILogger logger,
    Func<Func<CancellationToken, Task>, TimeSpan, IDisposable> schedule, Action deactivate, Func<IReadOnlyList<RecordedEvent>, Task> recover)
{
    // The last version whose sweep-settled events this activation recovered.
    private long _recoveredThrough;

    private BatchState? _state;

    // What traces need of the history: read with the head row (or rebuilt from the events when it is too long to keep there), then kept in step with each append.
    private BatchTrail? _trail;

    // A trail only grows: once too long for the head row, it is no longer written out on every append.
    private bool _trailOutgrewHead;

    // The client event ids stored on this batch, read with the first write or replay of an activation.
    private Dictionary<string, (long Version, string Fingerprint)>? _ids;

    // The head row as last read or written: its ETag, and the journal writer it names ("" for none).
    private Azure.ETag? _etag;
    private string _writer = "";

    // Whether the head row may be older than the events another silo's journal holds: checked once per activation.
    private bool _ready;

    // Whether the head row names this silo's journal, so that this activation may append (until its next write out).
    private bool _writable;

    // Events stored in the journal and not yet written out to the log, with their commit rows; and when they will be.
    private readonly List<(StoredEvent Event, long Sequence)> _unwritten = [];
    private IDisposable? _writeOut;

    // Whether this activation looked for event rows after the head (once, before its first write).
    private bool _caughtUp;

    // Whether the head row is behind the log's event rows (a log from before the journal, caught up in memory).
    private bool _headBehind;

    /// <summary>The batch as of the last event read or appended; null when it does not exist (check <see cref="ReadyAsync"/> first).</summary>
    public BatchState? State => _state;

    /// <summary>Reads the head row (one point read: what an activation for reads and traces costs).</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        var head = await log.ReadHeadAsync(batch, ct);
        if (head is { Chunked: false })
        {
            await log.UpgradeAsync(batch, ct);
            head = await log.ReadHeadAsync(batch, ct);
        }

        (_state, _trail, _etag, _writer) = head is { } read ? (read.State, read.Trail, read.ETag, read.Writer) : ((BatchState?)null, (BatchTrail?)null, (Azure.ETag?)null, "");
        _ids = null;
        _ready = _writer.Length == 0;
        _writable = false;
        _caughtUp = false;
        if (head is { SettledFrom: > 0 } settled && _state is { } state && _recoveredThrough < state.Version)
        {
            var from = Math.Max(settled.SettledFrom, _recoveredThrough + 1);
            var events = await log.ReadEventsAsync(batch, from, checked((int)(state.Version - from + 1)), ct);
            await recover(events.Select(e => e.Recorded).ToList());
            _recoveredThrough = state.Version;
        }
    }

    /// <summary>On deactivation: out of the journal and the head naming nobody, so the next activation, on any silo, starts from the head alone.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        if (!_writable)
        {
            return;
        }

        var unwritten = _unwritten.ToList();
        try
        {
            if (_state is null)
            {
                await log.SettleAsync(batch, [], journal.Writer, ct);
            }
            else
            {
                _etag = await log.WriteOutAsync(batch, unwritten.Select(u => u.Event).ToList(), _state, HeadTrail(), "", _etag!.Value, ct);
                journal.Settle(unwritten.Select(u => u.Sequence));
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Batch {Batch} could not write out {Count} events on deactivation; the journal keeps trying", batch, unwritten.Count);
            journal.Leave(batch, unwritten);
        }
    }

    /// <summary>
    /// Before anything is answered from the head row: if it names a journal writer, the events that writer holds must
    /// be in the log first. Another silo's writer that is gone has written them out (or was swept); one alive, or being
    /// swept, makes the call wait (UNAVAILABLE, retry). This silo's writer holds them only if an earlier activation left them.
    /// </summary>
    public async Task ReadyAsync()
    {
        if (_ready)
        {
            return;
        }

        if (_writer == journal.Writer)
        {
            if (journal.Holds(batch))
            {
                throw new InconsistentStateException($"batch {batch} has events its earlier activation left in this silo's journal, still being written out to its log");
            }
        }
        else if (!await journal.ReleasedByAsync(_writer))
        {
            // Perhaps written out since the head was read.
            await LoadAsync();
            if (!_ready)
            {
                throw new InconsistentStateException($"batch {batch} has events in another silo's journal, still being written out to its log");
            }

            return;
        }

        // That writer is gone, its journal written out or swept: the log holds all it had. A head that still names it
        // (a claim its silo made just before it died, with no event after) is current as it is.
        var released = _writer;
        await LoadAsync();
        if (_writer.Length > 0 && _writer != released && _writer != journal.Writer)
        {
            throw new InconsistentStateException($"batch {batch} was taken by another silo meanwhile");
        }

        _ready = true;
    }

    /// <summary>
    /// Before a write: catches a log from before the journal up (an event row stored after its head, never acknowledged,
    /// found with one point read, once per activation), then names this silo's journal in the head row until the next
    /// write out.
    /// </summary>
    public async Task WritableAsync()
    {
        if (_writable)
        {
            return;
        }

        await ReadyAsync();
        var next = (_state?.Version ?? 0) + 1;
        if (!_caughtUp && await log.HasEventAsync(batch, next))
        {
            foreach (var stored in await log.ReadEventsAsync(batch, next, int.MaxValue))
            {
                (_state, _trail) = BatchLogStore.Apply(_state, _trail, stored.Recorded);
                _headBehind = true;
            }
        }

        _caughtUp = true;
        if (_writer != journal.Writer)
        {
            var claimed = await log.ClaimAsync(batch, _etag, journal.Writer);
            if (claimed is null)
            {
                // Another activation claimed it first: this one is stale (or a duplicate); the retry reaches the other.
                await LoadAsync();
                deactivate();
                throw new InconsistentStateException($"batch {batch} was written by another activation meanwhile");
            }

            (_etag, _writer) = (claimed, journal.Writer);
            ScheduleWriteOut();
        }

        _writable = true;
    }

    /// <summary>Stores a decided event in the journal (the group commit) and applies it; written out to the log later, with others.</summary>
    public async Task<RecordedEvent> AppendAsync(BatchEvent decided, string fingerprint, DateTimeOffset now)
    {
        var version = (_state?.Version ?? 0) + 1;
        var recordedAt = journal.Records.Open(now);
        var (recorded, canonical) = EventHash.Record(batch, version, _state?.HeadHash ?? "", recordedAt, decided);
        var stored = new StoredEvent(recorded, canonical, fingerprint);
        long sequence;
        try
        {
            sequence = await journal.CommitAsync(batch, stored);
        }
        catch
        {
            // Not stored: its record time holds the EPCIS horizon no longer.
            journal.Records.Close(recordedAt);
            throw;
        }

        // Stored: the journal's commit row holds it.
        (_state, _trail) = BatchLogStore.Apply(_state, _trail, recorded);
        _unwritten.Add((stored, sequence));
        (await IdsAsync())[decided.EventId] = (version, fingerprint);
        if (_unwritten.Count >= options.WriteOutEvents)
        {
            await WriteOutAsync();
        }
        else
        {
            ScheduleWriteOut();
        }

        return recorded;
    }

    /// <summary>The event stored earlier under this event id, or null; an event id is used once per batch, so other content is refused.</summary>
    public async Task<RecordedEvent?> ReplayAsync(string eventId, string fingerprint)
    {
        if (!(await IdsAsync()).TryGetValue(eventId, out var found))
        {
            return null;
        }

        if (found.Fingerprint != fingerprint)
        {
            throw DomainException.Exists($"event_id '{eventId}' was already used on batch {batch} (version {found.Version}) for other content");
        }

        return await AtAsync(found.Version);
    }

    /// <summary>The event stored under this event id, whatever its content, or null.</summary>
    public async Task<RecordedEvent?> FindAsync(string eventId)
    {
        await ReadyAsync();
        return (await IdsAsync()).TryGetValue(eventId, out var found) ? await AtAsync(found.Version) : null;
    }

    private async Task<RecordedEvent> AtAsync(long version) =>
        _unwritten.Find(u => u.Event.Recorded.Version == version).Event?.Recorded
        ?? (await log.ReadEventsAsync(batch, version, 1))[0].Recorded;

    /// <summary>Writes out what only the journal holds, so that reading the log directly sees every event.</summary>
    public async Task WriteOutNowAsync()
    {
        await ReadyAsync();
        await WriteOutAsync();
    }

    /// <summary>Stored events from a version on, after writing out what only the journal has.</summary>
    public async Task<IReadOnlyList<StoredEvent>> HistoryAsync(long fromVersion, int max)
    {
        await ReadyAsync();
        if (_state is null)
        {
            return [];
        }

        await WriteOutAsync();
        return await log.ReadEventsAsync(batch, fromVersion, max);
    }

    /// <summary>The state and trail a trace needs, from memory once built; null when the batch does not exist.</summary>
    public async Task<TraceNode?> TraceNodeAsync()
    {
        await ReadyAsync();
        if (_state is null)
        {
            return null;
        }

        if (_trail is null)
        {
            await WriteOutAsync();
            var events = await log.ReadEventsAsync(batch, 1, checked((int)_state.Version));
            _trail = BatchTrail.Of(events.Select(e => e.Recorded));
        }

        return new TraceNode(_state, _trail!);
    }

    /// <summary>Writes the journaled events out to the log and the head row after them.</summary>
    private async Task WriteOutAsync()
    {
        _writeOut?.Dispose();
        _writeOut = null;
        if ((_unwritten.Count == 0 && !_headBehind) || _state is null)
        {
            if (_writable && _unwritten.Count == 0)
            {
                // Claimed for a write that stored nothing (refused): let the batch go, so that no other activation waits on it.
                var released = await log.ClaimAsync(batch, _etag, "");
                (_etag, _writer, _writable) = released is null ? (_etag, _writer, false) : (released, "", false);
                if (released is null)
                {
                    await LoadAsync();
                }
            }

            return;
        }

        // Everything unwritten is written here, so the head names no writer after it: the next write claims the batch
        // again, and an activation elsewhere (a duplicate after a silo died) waits at most until this write out.
        var unwritten = _unwritten.ToList();
        _etag = await log.WriteOutAsync(batch, unwritten.Select(u => u.Event).ToList(), _state, HeadTrail(), "", _etag!.Value);
        journal.Settle(unwritten.Select(u => u.Sequence));
        _unwritten.RemoveRange(0, unwritten.Count);
        (_headBehind, _writer, _writable) = (false, "", false);
    }

    private async Task WriteOutLaterAsync(CancellationToken ct)
    {
        try
        {
            await WriteOutAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Batch {Batch} could not write out its journaled events; it tries again", batch);
            ScheduleWriteOut();
        }
    }

    private void ScheduleWriteOut() => _writeOut ??= schedule(WriteOutLaterAsync, options.WriteOutAfter);

    /// <summary>The trail's text for the head row, unless it outgrew the row.</summary>
    private string? HeadTrail()
    {
        var text = _trail is null || _trailOutgrewHead ? null : BatchLogStore.TrailText(_trail);
        _trailOutgrewHead |= _trail is not null && text is null;
        return text;
    }

    /// <summary>Which of these event ids are stored; the ids are read from storage once per activation, then kept.</summary>
    public async Task<IReadOnlySet<string>> HeldAsync(IReadOnlyList<string> eventIds)
    {
        await ReadyAsync();
        var ids = await IdsAsync();
        return eventIds.Where(ids.ContainsKey).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, (long Version, string Fingerprint)>> IdsAsync() =>
        _ids ??= _state is null ? new Dictionary<string, (long Version, string Fingerprint)>(StringComparer.Ordinal) : await log.ReadEventIdsAsync(batch);
}
