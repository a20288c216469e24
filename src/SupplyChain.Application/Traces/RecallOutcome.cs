using SupplyChain.Domain.Batches;
using SupplyChain.Grains.Batches;

namespace SupplyChain.Application.Traces;

/// <summary>A recall: the root's stored recall and each batch downstream of it.</summary>
public sealed record RecallOutcome(BatchReply Root, IReadOnlyList<DownstreamRecall> Downstream);

/// <summary>A batch in a recall's scope: recalled now (<see cref="Reply"/>), or already by an earlier recall (null).</summary>
public sealed record DownstreamRecall(int Depth, BatchReply? Reply, BatchState State);
