using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Batches.Planning;

namespace SupplyChain.Grains.Batches;

/// <summary>
/// Carries a merge plan out across the input batches: every input moves first, so that a crash before the new lot is
/// stored loses nothing a retry cannot finish; an input refused by rule has the others taken back out.
/// </summary>
internal sealed class MergeRun(IGrainFactory grains, MergePlan plan)
{
    private List<Task<BatchReply>> _joins = [];

    /// <summary>Moves every input into the new lot; throws the first refusal after taking the moved ones back out.</summary>
    public async Task<IReadOnlyList<BatchReply>> JoinAsync()
    {
        _joins = plan.Moves.Select(move => grains.GetGrain<IBatchCoordination>(move.Batch.Key).JoinMergeAsync(move)).ToList();
        try
        {
            await Task.WhenAll(_joins);
        }
        catch (Exception) when (_joins.Select(j => j.Exception?.InnerException).OfType<DomainException>().FirstOrDefault() is { } refusal)
        {
            // An outage is not undone: the retry finishes the merge.
            await TakeBackAsync("another input could not be merged");
            throw refusal;
        }

        return _joins.Select(j => j.Result).ToList();
    }

    /// <summary>Takes each input that moved back out of the merge.</summary>
    public Task TakeBackAsync(string reason) =>
        Task.WhenAll(_joins.Select((join, i) => (join, i)).Where(x => x.join.IsCompletedSuccessfully)
            .Select(x => grains.GetGrain<IBatchCoordination>(plan.Command.Inputs[x.i].Key)
                .RevertMergeAsync(plan.Revert(x.i, ((BatchMerged)x.join.Result.Event.Event).Quantity, reason))));
}
