using Orleans.Concurrency;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Epcis;

[StatelessWorker]
public sealed class EpcisRepositoryGrain(EpcisStore store, RecordClock records, EpcisIndexFeed feed, ClusterHorizon cluster, BatchJournal journal, TimeProvider clock) : Grain, IEpcisRepositoryGrain
{
    public async Task<IReadOnlyList<StoreOutcome>> CheckAsync(IReadOnlyList<RepositoryEvent> events)
    {
        var stored = await store.ReadEventsAsync(events.Select(e => e.Key));
        return events.Select(e => Outcome(e, stored.GetValueOrDefault(e.Key))).ToList();
    }

    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<RepositoryEvent> events)
    {
        var outcomes = new StoreOutcome[events.Count];
        var stored = await store.ReadEventsAsync(events.Select(e => e.Key));
        var fresh = new List<(RepositoryEvent Event, DateTimeOffset RecordTime)>();
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                outcomes[i] = Outcome(e, stored.GetValueOrDefault(e.Key));
                if (outcomes[i] == StoreOutcome.Declared)
                {
                    await store.DeclareAsync(stored[e.Key], e.Declaration!);
                }
                else if (outcomes[i] == StoreOutcome.Stored)
                {
                    var recordTime = records.Open();
                    fresh.Add((e, recordTime));
                    // Added one by one: a capture racing this one with the same id finds the row and is told so.
                    if (!await store.AddEventAsync(e, recordTime))
                    {
                        var raced = await store.ReadEventsAsync([e.Key]);
                        outcomes[i] = Outcome(e, raced.GetValueOrDefault(e.Key)) is StoreOutcome.Conflict ? StoreOutcome.Conflict : StoreOutcome.AlreadyStored;
                        fresh.RemoveAt(fresh.Count - 1);
                        records.Close(recordTime);
                    }
                }
            }

            await store.WriteIndexAsync(fresh);
            return outcomes;
        }
        finally
        {
            foreach (var (_, recordTime) in fresh)
            {
                records.Close(recordTime);
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
