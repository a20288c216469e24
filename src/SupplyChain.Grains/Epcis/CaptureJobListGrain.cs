using SupplyChain.Abstractions.Epcis;

namespace SupplyChain.Grains.Epcis;

public sealed class CaptureJobListGrain([PersistentState("capturejobs", StorageNames.Grains)] IPersistentState<CaptureJobListState> state) : Grain, ICaptureJobListGrain
{
    /// <summary>Jobs kept per sender: the list stays one small row whatever the capture rate.</summary>
    private const int Kept = 1_000;

    public async Task AddAsync(string jobId)
    {
        if (state.State.Jobs.Contains(jobId))
        {
            return;
        }

        state.State.Jobs.Add(jobId);
        if (state.State.Jobs.Count > Kept)
        {
            state.State.Jobs.RemoveRange(0, state.State.Jobs.Count - Kept);
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> ListAsync() => Task.FromResult<IReadOnlyList<string>>(state.State.Jobs.ToList());
}
