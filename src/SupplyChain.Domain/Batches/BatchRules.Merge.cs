using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches;

/// <summary>The rules of a merge: the check before any input moves, each input's move, its undoing, the new lot.</summary>
public static partial class BatchRules
{
    /// <summary>Checks a merge command before any input is touched.</summary>
    public static void CheckMerge(BatchState? output, MergeBatches c, Product product)
    {
        if (output is not null)
        {
            throw DomainException.Exists($"batch {c.Output} already exists: merge into a new lot");
        }

        if (c.Inputs.Count < 2)
        {
            throw DomainException.Invalid("inputs", "a merge needs at least two batches");
        }

        Bounds.Count(c.Inputs.Count, Bounds.InputsPerMerge, "inputs", "batches");

        if (c.Inputs.Distinct().Count() != c.Inputs.Count)
        {
            throw DomainException.Invalid("inputs", "names the same batch twice");
        }

        if (c.Inputs.Contains(c.Output))
        {
            throw DomainException.Invalid("output_lot", $"{c.Output} is also named as an input: merge into a new lot");
        }

        if (product.Gtin != c.Output.Gtin)
        {
            throw DomainException.Invalid("output_gtin", $"product {product.Gtin} does not match {c.Output.Gtin}");
        }
    }

    /// <summary>The event by which one input of a merge goes into the new batch.</summary>
    public static BatchMerged JoinMerge(BatchState? state, JoinMerge c, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (batch.Custodian != c.Actor)
        {
            throw DomainException.Denied($"batch {c.Batch} is held by {batch.Custodian}: only its custodian may merge it");
        }

        RequireMovable(batch, "merged");
        if (batch.Quantity.Unit != c.Unit)
        {
            throw DomainException.Precondition($"batch {c.Batch} is counted in {batch.Quantity.Unit} but the merged product in {c.Unit}: merged quantities must share a unit");
        }

        var at = EventTime(c.MergedAt, now, "merged_at", batch.UpdatedAt);
        return new BatchMerged(c.EventId, c.Actor, c.Location, at, c.Into, batch.Quantity);
    }

    /// <summary>Undoes one input's part in a merge that could not be completed.</summary>
    public static MergeReverted RevertMerge(BatchState? state, RevertMerge c, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (batch.Status != BatchStatus.Consumed || !batch.Children.Contains(c.Into))
        {
            throw DomainException.Precondition($"batch {c.Batch} is not merged into {c.Into}");
        }

        return new MergeReverted(c.EventId, c.Actor, c.Location, now, c.Into, c.Quantity, c.Reason);
    }

    /// <summary>The new batch's first event, once every input has gone into it.</summary>
    public static BatchCreated MergeOutput(MergeBatches c, IReadOnlyList<BatchMerged> joined, IReadOnlyList<string?> chains, Product product, DateTimeOffset now)
    {
        var total = joined.Aggregate(Quantity.Zero(product.Unit), (sum, j) => sum.Add(j.Quantity));
        var parts = c.Inputs.Zip(joined, (input, j) => new BatchPart(input, j.Quantity)).ToList();
        var distinct = chains.Distinct().ToList();
        var at = c.MergedAt ?? joined.Max(j => j.EventTime);
        return new BatchCreated(c.EventId, c.Actor, c.Location, at, c.Output.Gtin, c.Output.Lot, total, c.Actor, distinct.Count == 1 ? distinct[0] : null, Origin.Merged, parts);
    }
}
