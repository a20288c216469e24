using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Abstractions.Epcis;

/// <summary>The repository's named EPCIS queries, one list for every door (key <see cref="Key"/>).</summary>
[Alias("SupplyChain.INamedQueriesGrain")]
public interface INamedQueriesGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain is used with.</summary>
    public const string Key = "epcis";

    /// <summary>Stores the definition; the same definition again is a no-op, another under a taken name ALREADY_EXISTS.</summary>
    [Alias("Define")]
    Task<NamedQuery> DefineAsync(NamedQuery query);

    /// <summary>The definitions in name order.</summary>
    [Alias("List")]
    Task<IReadOnlyList<NamedQuery>> ListAsync();

    /// <summary>One definition, or null.</summary>
    [Alias("Get")]
    Task<NamedQuery?> GetAsync(string name);

    /// <summary>Files a subscription under its query (false when the query is gone).</summary>
    [Alias("AddSubscription")]
    Task<bool> AddSubscriptionAsync(string name, string subscriptionId);

    /// <summary>Takes a subscription off its query's list.</summary>
    [Alias("RemoveSubscription")]
    Task RemoveSubscriptionAsync(string name, string subscriptionId);

    /// <summary>The ids of the query's subscriptions.</summary>
    [Alias("Subscriptions")]
    Task<IReadOnlyList<string>> SubscriptionsAsync(string name);

    /// <summary>Removes the definition (its subscriptions' list with it); false when there was none.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(string name);
}
