using SupplyChain.Domain.Epcis.Repository;

namespace SupplyChain.Abstractions.Epcis;

/// <summary>
/// The EPCIS event repository: every captured event stored whole once under its id, and the index rows queries read.
/// A stateless worker (key 0): captures and queries run side by side on every silo.
/// </summary>
[Alias("SupplyChain.IEpcisRepositoryGrain")]
public interface IEpcisRepositoryGrain : IGrainWithIntegerKey
{
    /// <summary>What storing these events would come to, without storing anything (a conflict refuses a capture whole).</summary>
    [Alias("Check")]
    Task<IReadOnlyList<StoreOutcome>> CheckAsync(IReadOnlyList<RepositoryEvent> events);

    /// <summary>Stores the events and their index rows, giving each a record time; acknowledged means stored.</summary>
    [Alias("Store")]
    Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<RepositoryEvent> events);

    /// <summary>The stored events with these ids (any that is stored), by point reads.</summary>
    [Alias("Find")]
    Task<IReadOnlyList<IndexRow>> FindAsync(IReadOnlyList<string> eventIds);

    /// <summary>The eventID stored under each of these event keys (those that are stored).</summary>
    [Alias("IdsOf")]
    Task<IReadOnlyDictionary<string, string>> IdsOfAsync(IReadOnlyList<string> keys);

    /// <summary>Up to max rows of the partitions, merged in row-key order, strictly between two row keys.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<IndexRow>> ReadAsync(IndexRead read, string after, string before, int max);

    /// <summary>The record time below which every event is in the indexes: rows under it never change.</summary>
    [Alias("Horizon")]
    Task<DateTimeOffset> HorizonAsync();
}
