using System.Collections.Concurrent;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain.Batches;

namespace SupplyChain.Application.Links;

/// <summary>
/// Whether a batch's stored hash chain verifies, as the auditors' verification checks it (read from storage, not from a
/// grain's memory). A verdict is kept for one version of the batch for <paramref name="verifiedFor"/>, so a popular page
/// does not read every log on every view.
/// </summary>
public sealed class VerifiedRecords(IGrainFactory grains, TimeProvider clock, TimeSpan verifiedFor)
{
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, (long Version, bool Ok, DateTimeOffset At)> _verdicts = new();

    /// <summary>True when every batch's chain verifies at the version given.</summary>
    public async Task<bool> AllVerifyAsync(IReadOnlyList<BatchState> batches, CancellationToken ct)
    {
        var ok = true;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (batch, _) =>
        {
            if (!await VerifiesAsync(batch))
            {
                ok = false;
            }
        });
        return ok;
    }

    private async Task<bool> VerifiesAsync(BatchState batch)
    {
        var now = clock.GetUtcNow();
        if (_verdicts.TryGetValue(batch.Ref.Key, out var known) && known.Version == batch.Version && now - known.At < verifiedFor)
        {
            return known.Ok;
        }

        // The audit grain has the batch write out what only its journal holds, then reads the stored log whole.
        var audit = await grains.GetGrain<IBatchAuditGrain>(batch.Ref.Key).VerifyAsync();
        var ok = audit is { } found && found.Verification.Ok && found.HeadVersion >= batch.Version;
        if (_verdicts.Count >= MaxRemembered)
        {
            _verdicts.Clear();
        }

        _verdicts[batch.Ref.Key] = (batch.Version, ok, now);
        return ok;
    }
}
