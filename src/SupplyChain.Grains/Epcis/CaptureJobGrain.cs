using SupplyChain.Abstractions.Epcis;

namespace SupplyChain.Grains.Epcis;

public sealed class CaptureJobGrain([PersistentState("capturejob", StorageNames.Grains)] IPersistentState<CaptureJobState> state) : Grain, ICaptureJobGrain
{
    public async Task SaveAsync(CaptureJob job)
    {
        state.State.Job = job;
        await state.WriteStateAsync();
    }

    public Task<CaptureJob?> GetAsync() => Task.FromResult(state.State.Job);
}
