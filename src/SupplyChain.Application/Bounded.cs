namespace SupplyChain.Application;

/// <summary>Many independent reads at once, never more than <see cref="Concurrency"/> in flight.</summary>
public static class Bounded
{
    /// <summary>Reads in flight at once for one call.</summary>
    public const int Concurrency = 64;

    /// <summary>Looks each key up once; keys found nothing for are left out.</summary>
    public static async Task<IReadOnlyDictionary<TKey, TValue>> LookUpAsync<TKey, TValue>(IReadOnlyList<TKey> keys, Func<TKey, Task<TValue?>> find, CancellationToken ct)
        where TKey : notnull
        where TValue : class
    {
        var found = new TValue?[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (i, _) => found[i] = await find(keys[i]));
        return keys.Select((key, i) => (key, value: found[i])).Where(x => x.value is not null).ToDictionary(x => x.key, x => x.value!);
    }
}
