using Orleans.Concurrency;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Epcis;

[StatelessWorker]
public sealed class EpcisRepositoryGrain(EpcisStore store, RecordClock records, EpcisIndexFeed feed, EpcisIndexWriter index, ClusterHorizon cluster, BatchJournal journal, TimeProvider clock) : Grain, IEpcisRepositoryGrain
{
    public async Task<IReadOnlyList<StoreOutcome>> CheckAsync(IReadOnlyList<RepositoryEvent> events)
    {
        var stored = await store.ReadEventsAsync(events.Select(e => e.Key));
        return events.Select(e => Outcome(e, stored.GetValueOrDefault(e.Key))).ToList();
    }

    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<RepositoryEvent> events)
    {
        var outcomes = new StoreOutcome[events.Count];
        var declared = await store.ReadEventsAsync(events.Where(e => e.Declaration is not null).Select(e => e.Key));
        var times = new DateTimeOffset?[events.Count];
        var marked = new List<Azure.Data.Tables.TableEntity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var later = new List<int>();
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (!seen.Add(events[i].Key))
                {
                    // An event's own declaration in the same document: it follows once the event is stored and indexed.
                    later.Add(i);
                }
                else if (declared.TryGetValue(events[i].Key, out var earlier))
                {
                    await MarkAsync(i, earlier);
                }
                else
                {
                    times[i] = records.Open();
                }
            }

            // Inserted side by side, not read first: a row already there (an earlier or racing capture) is read only then.
            await Parallel.ForEachAsync(Enumerable.Range(0, events.Count).Where(i => times[i] is not null), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var e = events[i];
                if (await store.AddEventAsync(e, times[i]!.Value))
                {
                    outcomes[i] = StoreOutcome.Stored;
                    return;
                }

                records.Close(times[i]!.Value);
                times[i] = null;
                var raced = (await store.ReadEventsAsync([e.Key])).GetValueOrDefault(e.Key);
                outcomes[i] = Outcome(e, raced) is StoreOutcome.Conflict ? StoreOutcome.Conflict : StoreOutcome.AlreadyStored;
                if (outcomes[i] == StoreOutcome.AlreadyStored && raced is not null && await UnindexedAsync(raced))
                {
                    // An earlier capture stored the row and failed before its index rows: this one indexes the event, under a new record time.
                    var time = records.Open();
                    if (await store.MoveEventAsync(raced, e, time))
                    {
                        times[i] = time;
                    }
                    else
                    {
                        records.Close(time);
                    }
                }
            });

            await index.WriteAsync(Enumerable.Range(0, events.Count).Where(i => times[i] is not null).Select(i => (events[i], times[i]!.Value)).ToList());
            var stored = await store.ReadEventsAsync(later.Select(i => events[i].Key));
            foreach (var i in later)
            {
                await MarkAsync(i, stored.GetValueOrDefault(events[i].Key));
            }

            // Before the record times close: a lot query that sees these events below its horizon sees the lots' new stamps.
            var partitions = Enumerable.Range(0, events.Count).Where(i => times[i] is not null).SelectMany(i => events[i].Partitions)
                .Concat(marked.SelectMany(EpcisStore.Partitions));
            await Task.WhenAll(partitions.Select(IndexPartition.Lot).OfType<BatchRef>().Distinct().Select(b => GrainFactory.GetGrain<IBatchGrain>(b.Key).CapturedAsync()));
            return outcomes;
        }
        finally
        {
            foreach (var time in times.OfType<DateTimeOffset>())
            {
                records.Close(time);
            }
        }

        // A declaration marks the stored event it names once; the outcome says whether it did.
        async Task MarkAsync(int i, Azure.Data.Tables.TableEntity? earlier)
        {
            outcomes[i] = Outcome(events[i], earlier);
            if (outcomes[i] == StoreOutcome.Declared)
            {
                await store.DeclareAsync(earlier!, events[i].Declaration!);
                marked.Add(earlier!);
            }
        }
    }

    public async Task<IReadOnlyList<IndexRow>> FindAsync(IReadOnlyList<string> eventIds)
    {
        var rows = await store.ReadEventsAsync(eventIds.Select(EventKey.Of));
        return await store.FillAsync(rows.Values.Select(EpcisStore.Row).Where(r => eventIds.Contains(r.EventId, StringComparer.Ordinal)).ToList());
    }

    public async Task<IReadOnlyDictionary<string, string>> IdsOfAsync(IReadOnlyList<string> keys) =>
        (await store.ReadEventsAsync(keys)).ToDictionary(r => r.Key, r => r.Value.GetString("EventId") ?? "", StringComparer.Ordinal);

    public Task<IReadOnlyList<IndexRow>> ReadAsync(IndexRead read, string after, string before, int max) => store.ReadAsync(read, after, before, max);

    /// <summary>
    /// Indexes what this silo's batches recorded so far first, so a query sees every event acknowledged here before it
    /// (waiting at most 2 s); then no later than any other silo's watermark.
    /// </summary>
    public async Task<DateTimeOffset> HorizonAsync()
    {
        var asked = clock.GetUtcNow();
        for (var attempt = 0; attempt < 80 && records.Horizon() < asked; attempt++)
        {
            await feed.FlushAsync(CancellationToken.None);
            if (records.Horizon() < asked)
            {
                await Task.Delay(25);
            }
        }

        return await cluster.OfAsync(records.Horizon(), journal.Writer);
    }

    /// <summary>
    /// Whether a stored event row has no record day's row although its capture is over: its record time is below the
    /// horizon (waited for up to 2 s, as a capture still writing holds it open). One still being written is not.
    /// </summary>
    private async Task<bool> UnindexedAsync(Azure.Data.Tables.TableEntity stored)
    {
        if (stored.GetDateTimeOffset("RecordTime") is not { } recorded)
        {
            return false;
        }

        for (var attempt = 0; attempt < 80; attempt++)
        {
            if (await cluster.OfAsync(records.Horizon(), journal.Writer) > recorded)
            {
                return !await store.IndexedAsync(stored.RowKey, recorded);
            }

            await Task.Delay(25);
        }

        return false;
    }

    /// <summary>
    /// An error declaration marks the stored event it names, once (the first declaration stands, as in the batch logs);
    /// otherwise the same id must hold the same content.
    /// </summary>
    private static StoreOutcome Outcome(RepositoryEvent e, Azure.Data.Tables.TableEntity? stored) => stored switch
    {
        null => StoreOutcome.Stored,
        _ when e.Declaration is not null && stored.GetString("Declaration") is null => StoreOutcome.Declared,
        _ when e.Declaration is not null => StoreOutcome.AlreadyStored,
        _ when stored.GetString("Fingerprint") == e.Fingerprint => StoreOutcome.AlreadyStored,
        _ => StoreOutcome.Conflict,
    };
}
