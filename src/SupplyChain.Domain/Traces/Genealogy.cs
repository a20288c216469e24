using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Traces;

/// <summary>
/// The batches linked to one batch by splits, merges and transformations, upstream or downstream, each once, and the
/// flows between them. Genealogies are graphs: a merge has many parents, a split many children, a transformation both,
/// and one ancestor may be reached by several paths. The walk is breadth first, level by level, without recursion: each level is fetched as one batch of requests
/// (the caller runs them in parallel), each batch is asked once, and its depth is that of its shortest path.
/// </summary>
public sealed record Genealogy(BatchRef Root, IReadOnlyList<GenealogyMember> Members, IReadOnlyList<GenealogyEdge> Edges, bool Truncated)
{
    /// <summary>Producers of the member batches, distinct and sorted.</summary>
    public IReadOnlyList<Gln> Producers =>
        Members.Select(m => m.Node.State.Producer).Distinct().OrderBy(g => g.Value, StringComparer.Ordinal).ToList();

    /// <summary>Failed checkpoints over every member batch.</summary>
    public int FailedCheckpoints => Members.Sum(m => m.Node.Trail.Checkpoints.Count(c => c.Verdict == Verdict.Fail));

    /// <summary>Receipts over every member batch whose readings failed or missed a required reading.</summary>
    public int FailedHandoffs => Members.Sum(m => m.Node.Trail.Custody.Count(s => s.Verdict == Verdict.Fail));

    /// <summary>Who holds or is about to receive a member batch that is not consumed: the parties a recall reaches.</summary>
    public IReadOnlyList<Gln> Custodians =>
        Members.Select(m => m.Node.State).Where(s => s.Status != BatchStatus.Consumed)
            .SelectMany(s => s.PendingReceiver is { } receiver ? new[] { s.Custodian, receiver } : new[] { s.Custodian })
            .Distinct().OrderBy(g => g.Value, StringComparer.Ordinal).ToList();

    /// <summary>Everything a batch was made from, through every split, merge and transformation, up to <paramref name="maxDepth"/> steps.</summary>
    /// <param name="fetch">Answers the nodes of one level, in order, null for a batch that does not exist.</param>
    public static Task<Genealogy> TraceBackAsync(BatchRef root, Func<IReadOnlyList<BatchRef>, Task<IReadOnlyList<TraceNode?>>> fetch, int maxDepth = Bounds.TraceDepth, int maxBatches = Bounds.TraceBatches) =>
        WalkAsync(root, node => node.Trail.Inputs.Select(i => i.Batch), fetch, maxDepth, maxBatches, "upstream");

    /// <summary>Everything made from a batch, through every split, merge and transformation.</summary>
    /// <param name="fetch">Answers the nodes of one level, in order, null for a batch that does not exist.</param>
    public static Task<Genealogy> TraceForwardAsync(BatchRef root, Func<IReadOnlyList<BatchRef>, Task<IReadOnlyList<TraceNode?>>> fetch, int maxBatches = Bounds.TraceBatches) =>
        WalkAsync(root, node => node.State.Children, fetch, Bounds.TraceDepth, maxBatches, "downstream");

    /// <summary>
    /// Every batch downstream of <paramref name="root"/>, however deep and however many: the scope of a recall, which
    /// must not stop where a trace's reply would. Each batch is still asked once.
    /// </summary>
    public static Task<Genealogy> RecallScopeAsync(BatchRef root, Func<IReadOnlyList<BatchRef>, Task<IReadOnlyList<TraceNode?>>> fetch) =>
        WalkAsync(root, node => node.State.Children, fetch, int.MaxValue, int.MaxValue, "downstream");

    private static async Task<Genealogy> WalkAsync(
        BatchRef root, Func<TraceNode, IEnumerable<BatchRef>> next, Func<IReadOnlyList<BatchRef>, Task<IReadOnlyList<TraceNode?>>> fetch, int maxDepth, int maxBatches, string direction)
    {
        var seen = new HashSet<BatchRef> { root };
        var members = new List<GenealogyMember>();
        IReadOnlyList<BatchRef> level = new List<BatchRef> { root };
        var truncated = false;
        for (var depth = 0; level.Count > 0; depth++)
        {
            var nodes = await fetch(level);
            if (depth == 0 && nodes[0] is null)
            {
                throw DomainException.NotFound($"batch {root} does not exist");
            }

            var following = new List<BatchRef>();
            foreach (var node in nodes.OfType<TraceNode>())
            {
                members.Add(new GenealogyMember(node, depth));
                foreach (var batch in next(node).Where(b => !seen.Contains(b)))
                {
                    if (depth >= maxDepth)
                    {
                        truncated = true;
                        continue;
                    }

                    seen.Add(batch);
                    if (seen.Count > maxBatches)
                    {
                        throw DomainException.Precondition(
                            $"the {direction} genealogy of {root} has more than {maxBatches} batches, more than one trace returns"
                            + (direction == "upstream" ? ": trace back with a smaller max_depth" : ""));
                    }

                    following.Add(batch);
                }
            }

            level = following;
        }

        var ordered = members.OrderBy(m => m.Depth).ThenBy(m => m.Node.State.Ref.Gtin.Value, StringComparer.Ordinal)
            .ThenBy(m => m.Node.State.Ref.Lot, StringComparer.Ordinal).ToList();
        var included = ordered.Select(m => m.Node.State.Ref).ToHashSet();
        var edges = ordered.SelectMany(child => child.Node.Trail.Inputs.Where(input => included.Contains(input.Batch))
            .Select(input => new GenealogyEdge(input.Batch, child.Node.State.Ref, input.Quantity))).ToList();
        return new Genealogy(root, ordered, edges, truncated);
    }
}
