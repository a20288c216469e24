using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>
/// What a plan reads of what is stored: batches, products, participants and chains, null when absent. A batch grain
/// answers from what it fetched for the command, the importer from what it read for the document, a simulation from memory.
/// </summary>
public interface IBatchLookup
{
    BatchState? Batch(BatchRef batch);

    Product? Product(Gtin gtin);

    Participant? Participant(Gln gln);

    ChainDefinition? Chain(string chainId);

    /// <summary>The event stored on a batch under an event id, where the lookup was given it; null when it holds none.</summary>
    RecordedEvent? Recorded(BatchRef batch, string eventId) => null;

    /// <summary>The product, or the refusal every door gives for an unregistered one.</summary>
    Product RegisteredProduct(Gtin gtin) =>
        Product(gtin) ?? throw DomainException.Precondition($"product {gtin} is not registered");

    /// <summary>The participant, or the refusal naming the request field that gave its GLN.</summary>
    Participant RegisteredParticipant(Gln gln, string field) =>
        Participant(gln) ?? throw DomainException.Precondition($"{field} {gln} is not a registered participant");

    /// <summary>The chain, or the refusal for one never defined.</summary>
    ChainDefinition DefinedChain(string chainId) =>
        Chain(chainId) ?? throw DomainException.Precondition($"chain '{chainId}' is not defined");

    /// <summary>The chain a batch is on, if any.</summary>
    ChainDefinition? ChainOf(BatchState? batch) => batch?.ChainId is { } id ? DefinedChain(id) : null;
}
