using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Traces;

/// <summary>
/// Quantity that flowed from a parent batch into a child by a split, a merge or a transformation, as the child's creation
/// recorded it (for a transformation: all the parent gave to it, which its outputs share).
/// </summary>
public sealed record GenealogyEdge(BatchRef Parent, BatchRef Child, Quantity Quantity);
