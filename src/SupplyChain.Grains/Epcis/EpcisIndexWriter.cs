using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Epcis;

/// <summary>
/// Writes captured events' index rows for every capture on this silo together: while one write is out, the rows of
/// captures that arrive meanwhile wait and go out in the next, grouped by partition, so concurrent captures of events
/// naming the same days, steps and places share transactions. Each capture is answered once its own rows are written.
/// </summary>
public sealed class EpcisIndexWriter(EpcisStore store)
{
    // Long enough for the captures in flight beside this one to join its write, short beside a capture's own requests.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(3);

    private readonly List<Waiting> _queue = [];
    private bool _writing;

    public Task WriteAsync(IReadOnlyList<(RepositoryEvent Event, DateTimeOffset RecordTime)> events)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var waiting = new Waiting(events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_queue)
        {
            _queue.Add(waiting);
            if (_writing)
            {
                return waiting.Done.Task;
            }

            _writing = true;
        }

        _ = Task.Run(WriteQueuedAsync);
        return waiting.Done.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            await Task.Delay(Gather);
            List<Waiting> group;
            lock (_queue)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                group = [.. _queue];
                _queue.Clear();
            }

            try
            {
                await store.WriteIndexAsync(group.SelectMany(w => w.Events));
                group.ForEach(w => w.Done.TrySetResult());
            }
            catch (Exception failed)
            {
                group.ForEach(w => w.Done.TrySetException(failed));
            }
        }
    }

    private sealed record Waiting(IReadOnlyList<(RepositoryEvent Event, DateTimeOffset RecordTime)> Events, TaskCompletionSource Done);
}
