using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Traces;

/// <summary>A recall: the root's stored recall and each batch downstream of it.</summary>
public sealed record RecallOutcome(BatchReply Root, IReadOnlyList<DownstreamRecall> Downstream);
