using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Grains.Epcis;

/// <summary>Stored state of the named queries.</summary>
[GenerateSerializer]
[Alias("SupplyChain.NamedQueriesState")]
public sealed class NamedQueriesState
{
    [Id(0)]
    public Dictionary<string, NamedQuery> Queries { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public Dictionary<string, List<string>> Subscriptions { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The named queries in one grain state: a few hundred small definitions, read far more often than written.</summary>
public sealed class NamedQueriesGrain(
    [PersistentState("epcisqueries", StorageNames.Grains)] IPersistentState<NamedQueriesState> state) : Grain, INamedQueriesGrain
{
    /// <summary>Keeps the state within one table entity.</summary>
    public const int Most = 500;

    public async Task<NamedQuery> DefineAsync(NamedQuery query)
    {
        if (state.State.Queries.TryGetValue(query.Name, out var existing))
        {
            return existing.SameAs(query) ? existing : throw DomainException.Exists($"name: a query named '{query.Name}' already exists with other parameters; delete it first or choose another name");
        }

        if (state.State.Queries.Count >= Most)
        {
            throw DomainException.Precondition($"the repository holds {Most} named queries, the most it keeps; delete one first");
        }

        state.State.Queries[query.Name] = query;
        await state.SaveAsync(DeactivateOnIdle);
        return query;
    }

    public Task<IReadOnlyList<NamedQuery>> ListAsync() =>
        Task.FromResult<IReadOnlyList<NamedQuery>>(state.State.Queries.Values.OrderBy(q => q.Name, StringComparer.Ordinal).ToList());

    public Task<NamedQuery?> GetAsync(string name) => Task.FromResult(state.State.Queries.GetValueOrDefault(name));

    public async Task<bool> AddSubscriptionAsync(string name, string subscriptionId)
    {
        if (!state.State.Queries.ContainsKey(name))
        {
            return false;
        }

        var ids = state.State.Subscriptions.TryGetValue(name, out var list) ? list : state.State.Subscriptions[name] = [];
        if (!ids.Contains(subscriptionId))
        {
            ids.Add(subscriptionId);
            await state.SaveAsync(DeactivateOnIdle);
        }

        return true;
    }

    public async Task RemoveSubscriptionAsync(string name, string subscriptionId)
    {
        if (state.State.Subscriptions.TryGetValue(name, out var ids) && ids.Remove(subscriptionId))
        {
            await state.SaveAsync(DeactivateOnIdle);
        }
    }

    public Task<IReadOnlyList<string>> SubscriptionsAsync(string name) =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Subscriptions.TryGetValue(name, out var ids) ? ids.ToList() : []);

    public async Task<bool> DeleteAsync(string name)
    {
        if (!state.State.Queries.Remove(name))
        {
            return false;
        }

        state.State.Subscriptions.Remove(name);

        await state.SaveAsync(DeactivateOnIdle);
        return true;
    }
}
