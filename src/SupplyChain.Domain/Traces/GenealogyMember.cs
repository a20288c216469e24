namespace SupplyChain.Domain.Traces;

/// <summary>A batch a trace reached, and its distance in splits, merges and transformations from the traced batch by the shortest path.</summary>
public sealed record GenealogyMember(TraceNode Node, int Depth);
