using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Batches.Planning;

namespace SupplyChain.Grains.Batches;

/// <summary>
/// Carries a transformation plan out across the input batches: every input gives its part first, so that a crash before
/// the outputs are stored loses nothing a retry cannot finish; an input refused by rule has the others given theirs back.
/// </summary>
internal sealed class TransformRun(IGrainFactory grains, TransformPlan plan)
{
    private IReadOnlyList<(int Input, Task<BatchReply> Give)> _gives = [];

    /// <summary>Has every input give its part (one that gave before answers from its log); throws the first refusal after giving the others back.</summary>
    public async Task<IReadOnlyList<BatchTransformed>> TakePartsAsync()
    {
        _gives = Give(Enumerable.Range(0, plan.Uses.Count));
        try
        {
            await Task.WhenAll(_gives.Select(g => g.Give));
        }
        catch (Exception) when (_gives.Select(g => g.Give.Exception?.InnerException).OfType<DomainException>().FirstOrDefault() is { } refusal)
        {
            // The input changed since the check. An outage is not undone: the retry finishes.
            await GiveBackAsync("another input could not be used");
            throw refusal;
        }

        return _gives.Select(g => (BatchTransformed)g.Give.Result.Event.Event).ToList();
    }

    /// <summary>A retry that can no longer finish: gives back what the attempt before it took.</summary>
    public Task GiveBackEarlierAsync(string reason)
    {
        _gives = Give(plan.Given);
        return GiveBackAsync(reason);
    }

    /// <summary>Gives each input whose part was taken (its call succeeded) that part back.</summary>
    public async Task GiveBackAsync(string reason)
    {
        await Task.WhenAll(_gives.Select(g => g.Give).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Current)));
        await Task.WhenAll(_gives.Where(g => g.Give.IsCompletedSuccessfully).Select(g =>
            grains.GetGrain<IBatchCoordination>(plan.Uses[g.Input].Batch.Key)
                .RevertTransformationAsync(plan.Revert(g.Input, ((BatchTransformed)g.Give.Result.Event.Event).Used, reason))));
    }

    private List<(int Input, Task<BatchReply> Give)> Give(IEnumerable<int> inputs) =>
        inputs.Select(i => (i, grains.GetGrain<IBatchCoordination>(plan.Uses[i].Batch.Key).UseInTransformationAsync(plan.Uses[i]))).ToList();
}
