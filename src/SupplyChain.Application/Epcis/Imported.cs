using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Abstractions.Epcis;

namespace SupplyChain.Application.Epcis;

/// <summary>A captured document: each command it made, in document order, with the grain's reply, and how each of its events was stored.</summary>
public sealed record Imported(
    EpcisCapture Capture,
    IReadOnlyList<(ImportStep Step, BatchReply Reply)> Applied,
    IReadOnlyList<(RepositoryEvent Event, StoreOutcome Outcome)> Stored);
