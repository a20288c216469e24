using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>One event a plan stores, on the batch whose log takes it; a plan's events are stored in their order.</summary>
public sealed record PlannedEvent(BatchRef Batch, BatchEvent Event);
