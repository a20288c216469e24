using System.Text.Json;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Application.Epcis;

/// <summary>Named EPCIS queries: defined by any caller, read by every authenticated one, changed by their maker or an administrator.</summary>
public sealed class NamedQueries(IGrainFactory grains, TimeProvider clock)
{
    private INamedQueriesGrain Book => grains.GetGrain<INamedQueriesGrain>(INamedQueriesGrain.Key);

    /// <summary>Checks and stores a definition; the same one again is accepted, another under a taken name is ALREADY_EXISTS.</summary>
    public async Task<NamedQuery> DefineAsync(Caller caller, JsonElement body)
    {
        Rulebook.Permit(caller, Act.DefineQuery);
        return await Book.DefineAsync(NamedQuery.Define(body, caller.Subject, clock.GetUtcNow()));
    }

    public async Task<IReadOnlyList<NamedQuery>> ListAsync(Caller caller)
    {
        Rulebook.Permit(caller, Act.ReadQueries);
        return await Book.ListAsync();
    }

    public async Task<NamedQuery> GetAsync(Caller caller, string name)
    {
        Rulebook.Permit(caller, Act.ReadQueries);
        NamedQuery.CheckName(name);
        return await Book.GetAsync(name) ?? throw DomainException.NotFound($"queryName: no named query '{name}'");
    }

    public async Task DeleteAsync(Caller caller, string name)
    {
        var query = await GetAsync(caller, name);
        Rulebook.PermitMaker(caller, Act.DeleteQuery, query.Maker, $"query '{name}'");
        // Its subscriptions end with it, as the binding says; each stops before the list naming it goes.
        foreach (var id in await Book.SubscriptionsAsync(name))
        {
            await grains.GetGrain<IEpcisSubscriptionGrain>(id).StopAsync();
        }

        await Book.DeleteAsync(name);
    }
}
