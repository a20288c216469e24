using System.Security.Cryptography;
using SupplyChain.Abstractions.Epcis;

namespace SupplyChain.Grains.Epcis;

public sealed class PageKeyGrain([PersistentState("pagekey", StorageNames.Grains)] IPersistentState<PageKeyState> state) : Grain, IPageKeyGrain
{
    public async Task<byte[]> GetAsync()
    {
        if (state.State.Key is null)
        {
            state.State.Key = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync();
        }

        return state.State.Key;
    }
}
