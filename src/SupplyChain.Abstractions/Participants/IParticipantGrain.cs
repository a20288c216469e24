using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Abstractions.Participants;

/// <summary>A registered participant as stored.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ParticipantRecord")]
public sealed record ParticipantRecord(
    [property: Id(0)] Participant Participant,
    [property: Id(1)] DateTimeOffset RegisteredAt,
    [property: Id(2)] IReadOnlyList<Gtin> Products);

/// <summary>A participant (producer, distributor, retailer, lab, auditor), keyed by GLN.</summary>
[Alias("SupplyChain.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithStringKey
{
    /// <summary>Registers the participant; the same details again are a no-op, other details ALREADY_EXISTS.</summary>
    [Alias("Register")]
    Task<ParticipantRecord> RegisterAsync(Participant participant);

    /// <summary>Reads the participant, or null when it is not registered.</summary>
    [Alias("Get")]
    Task<ParticipantRecord?> GetAsync();

    /// <summary>Adds a product to a producer's list.</summary>
    [Alias("AddProduct")]
    Task AddProductAsync(Gtin gtin);
}
