namespace SupplyChain.Grains;

/// <summary>Writes grain state so that a failed write never leaves memory ahead of storage.</summary>
internal static class StateSaving
{
    /// <summary>Writes; on failure drops the activation (the next call reloads what is stored) and rethrows.</summary>
    public static Task SaveAsync<T>(this IPersistentState<T> state, Action deactivate) =>
        state.WriteStateAsync().OrDeactivateAsync(deactivate);

    /// <summary>Awaits a write of what memory already holds; on failure drops the activation and rethrows.</summary>
    public static async Task OrDeactivateAsync(this Task write, Action deactivate)
    {
        try
        {
            await write;
        }
        catch
        {
            deactivate();
            throw;
        }
    }

    /// <inheritdoc cref="OrDeactivateAsync(Task, Action)"/>
    public static async Task<TResult> OrDeactivateAsync<TResult>(this Task<TResult> write, Action deactivate)
    {
        await ((Task)write).OrDeactivateAsync(deactivate);
        return await write;
    }
}
