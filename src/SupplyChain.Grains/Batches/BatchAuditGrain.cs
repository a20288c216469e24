using SupplyChain.Abstractions.Batches;
using Orleans.Concurrency;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Batches;

[StatelessWorker]
public sealed class BatchAuditGrain(BatchLogStore log) : Grain, IBatchAuditGrain
{
    private BatchRef Batch => BatchRef.FromKey(this.GetPrimaryKeyString());

    public async Task<BatchAudit?> VerifyAsync()
    {
        await WriteOutAsync();
        var (events, head) = await log.ReadStoredChainAsync(Batch);
        if (events.Count == 0 && head is null)
        {
            return null;
        }

        var v = LogVerifier.Verify(Batch, events, head);
        return new BatchAudit(v.EventsChecked, v.HeadVersion, v.HeadHash, v.FirstBadVersion, v.Break, v.Reason);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(long upTo)
    {
        await WriteOutAsync();
        var stored = await log.ReadEventsAsync(Batch, 1, checked((int)upTo));
        return stored.Select(e => e.Recorded).ToList();
    }

    public async Task<IReadOnlySet<string>> ReadEventIdsAsync()
    {
        await WriteOutAsync();
        return new HashSet<string>((await log.ReadEventIdsAsync(Batch)).Keys);
    }

    // The batch grain owns its journal: only it writes out what the journal holds.
    private Task WriteOutAsync() => GrainFactory.GetGrain<IBatchGrain>(this.GetPrimaryKeyString()).WriteOutNowAsync();
}
