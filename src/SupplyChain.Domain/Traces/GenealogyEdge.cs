using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Traces;

/// <summary>Quantity that flowed from a parent batch into a child by a split or a merge, as the child's creation recorded it.</summary>
public sealed record GenealogyEdge(BatchRef Parent, BatchRef Child, Quantity Quantity);
