using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// What an import's rehearsal needs of what is stored: the batches, products, participants and chains its commands name,
/// and which (batch, event id) pairs are stored already (a retried import); <see cref="Events"/> holds the stored events
/// that error declarations name, and the declarations stored for them.
/// </summary>
public sealed record ImportWorld(
    IReadOnlyDictionary<BatchRef, BatchState> Batches,
    IReadOnlyDictionary<Gtin, Product> Products,
    IReadOnlyDictionary<Gln, Participant> Participants,
    IReadOnlyDictionary<string, ChainDefinition> Chains,
    IReadOnlySet<(BatchRef Batch, string EventId)> Stored,
    IReadOnlyDictionary<(BatchRef Batch, string EventId), RecordedEvent>? Events = null);
