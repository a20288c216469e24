using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Integrity;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Server.Links;

/// <summary>
/// Whether a batch's stored hash chain verifies, as the auditors' verification checks it (read from storage, not from a
/// grain's memory). A verdict is kept for one version of the batch for a few minutes, so a popular page does not read
/// every log on every view.
/// </summary>
public sealed class VerifiedRecords(IGrainFactory grains, BatchLogStore log, TimeProvider clock, IOptions<LinkOptions> options)
{
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, (long Version, bool Ok, DateTimeOffset At)> _verdicts = new();

    /// <summary>True when every batch's chain verifies at the version given.</summary>
    public async Task<bool> AllVerifyAsync(IReadOnlyList<BatchState> batches, CancellationToken ct)
    {
        var ok = true;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, token) =>
        {
            if (!await VerifiesAsync(batch, token))
            {
                ok = false;
            }
        });
        return ok;
    }

    private async Task<bool> VerifiesAsync(BatchState batch, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_verdicts.TryGetValue(batch.Ref.Key, out var known) && known.Version == batch.Version && now - known.At < options.Value.VerifiedFor)
        {
            return known.Ok;
        }

        // The batch writes out what only its journal holds, so that the stored log is the whole log.
        await grains.GetGrain<IBatchGrain>(batch.Ref.Key).WriteOutNowAsync();
        var (events, head) = await log.ReadStoredChainAsync(batch.Ref, ct);
        var verdict = LogVerifier.Verify(batch.Ref, events, head);
        var ok = verdict.Ok && verdict.HeadVersion >= batch.Version;
        if (_verdicts.Count >= MaxRemembered)
        {
            _verdicts.Clear();
        }

        _verdicts[batch.Ref.Key] = (batch.Version, ok, now);
        return ok;
    }
}
