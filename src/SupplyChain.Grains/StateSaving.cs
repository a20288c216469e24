namespace SupplyChain.Grains;

/// <summary>Writes grain state so that a failed write never leaves memory ahead of storage.</summary>
internal static class StateSaving
{
    /// <summary>Writes; on failure drops the activation (the next call reloads what is stored) and rethrows.</summary>
    public static async Task SaveAsync<T>(this IPersistentState<T> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}
