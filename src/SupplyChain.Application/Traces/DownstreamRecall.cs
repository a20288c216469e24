using SupplyChain.Domain.Batches;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Traces;

/// <summary>A batch in a recall's scope: recalled now (<see cref="Reply"/>), or already by an earlier recall (null).</summary>
public sealed record DownstreamRecall(int Depth, BatchReply? Reply, BatchState State);
