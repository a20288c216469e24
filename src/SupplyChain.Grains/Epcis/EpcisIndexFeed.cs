using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Epcis;

/// <summary>
/// Writes the EPCIS rows of the events batches record (through gRPC) once their journal commit is stored: every
/// second, grouped by partition across all of them, so the indexes cost a capture a share of a few transactions
/// rather than requests of its own. A commit row is deleted only after its events are indexed, so a journal swept
/// after a crash indexes what this silo had not.
/// </summary>
public sealed class EpcisIndexFeed(EpcisStore store, RecordClock records, IOptions<StorageOptions> options, ILogger<EpcisIndexFeed> logger)
{
    private readonly List<(long Sequence, IReadOnlyList<JournalEntry> Entries)> _waiting = [];
    private readonly SortedSet<long> _unindexed = [];

    /// <summary>The events of a stored commit row; their record times stay open until they are indexed.</summary>
    public void Add(long sequence, IReadOnlyList<JournalEntry> entries)
    {
        if (!options.Value.IndexRecordedEvents)
        {
            // Not indexed: nothing to wait for, so their record times hold the horizon no longer.
            foreach (var entry in entries)
            {
                records.Close(entry.RecordedAt);
            }

            return;
        }

        lock (_waiting)
        {
            _waiting.Add((sequence, entries));
            _unindexed.Add(sequence);
        }
    }

    /// <summary>The oldest commit row whose events are not indexed yet, or null.</summary>
    public long? OldestUnindexed
    {
        get
        {
            lock (_waiting)
            {
                return _unindexed.Count > 0 ? _unindexed.Min : null;
            }
        }
    }

    /// <summary>Indexes what waits; on failure it waits for the next flush (the horizon waits with it).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        List<(long Sequence, IReadOnlyList<JournalEntry> Entries)> taken;
        lock (_waiting)
        {
            taken = [.. _waiting];
            _waiting.Clear();
        }

        if (taken.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(taken.SelectMany(t => t.Entries), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "EPCIS index rows of {Commits} journal commits could not be written; they are tried again", taken.Count);
            lock (_waiting)
            {
                _waiting.InsertRange(0, taken);
            }

            return;
        }

        lock (_waiting)
        {
            foreach (var (sequence, entries) in taken)
            {
                _unindexed.Remove(sequence);
                foreach (var entry in entries)
                {
                    records.Close(entry.RecordedAt);
                }
            }
        }
    }

    /// <summary>Indexes what waits, then stores this silo's horizon as its journal writer's watermark, for queries on other silos.</summary>
    public async Task StepAsync(string writer, CancellationToken ct)
    {
        await FlushAsync(ct);
        await store.WriteWatermarkAsync(writer, records.Horizon(), ct);
    }

    /// <summary>A writer that left or was swept has no watermark any more.</summary>
    public Task ForgetAsync(string writer, CancellationToken ct) => store.DeleteWatermarkAsync(writer, ct);

    /// <summary>Writes the event and index rows of journaled events (again: rows are rewritten the same).</summary>
    public async Task WriteAsync(IEnumerable<JournalEntry> entries, CancellationToken ct)
    {
        if (!options.Value.IndexRecordedEvents)
        {
            return;
        }

        var events = entries.SelectMany(Indexed).ToList();
        if (events.Count == 0)
        {
            return;
        }

        await store.UpsertEventsAsync(events, ct);
        await store.WriteIndexAsync(events, ct);
    }

    // An event the export cannot write is left out of the indexes (and logged) rather than holding up the journal.
    private IEnumerable<(RepositoryEvent Event, DateTimeOffset RecordTime)> Indexed(JournalEntry entry)
    {
        try
        {
            var recorded = entry.ToStored().Recorded;
            return BatchEvents.Of(BatchRef.FromKey(entry.Batch), recorded).Select(e => (e, recorded.RecordedAt)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Event {Version} of batch {Batch} could not be indexed for EPCIS queries", entry.Version, entry.Batch);
            return [];
        }
    }
}
