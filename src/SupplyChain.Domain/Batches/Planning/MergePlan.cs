using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>
/// A merge checked whole before any input moves: the new lot's product and the move each input makes into it, with an
/// id derived from the merge's. Inputs go first, the new lot last; an input refused later takes the others back out.
/// </summary>
public sealed record MergePlan(MergeBatches Command, Product Product, IReadOnlyList<JoinMerge> Moves)
{
    /// <summary>
    /// Checks the merge on what is stored: a new output lot of a registered product, a registered actor, and every input
    /// able to move (an input that joined this merge before, a retry, is left to replay).
    /// </summary>
    public static MergePlan Of(MergeBatches c, IBatchLookup world, DateTimeOffset now)
    {
        if (world.Batch(c.Output) is not null)
        {
            throw DomainException.Exists($"batch {c.Output} already exists: merge into a new lot");
        }

        var product = world.RegisteredProduct(c.Output.Gtin);
        BatchRules.CheckMerge(null, c, product);
        world.RegisteredParticipant(c.Actor, "actor_gln");
        var moves = c.Inputs.Select((input, i) =>
            new JoinMerge(EventId.Derived(c.EventId, "merge", i), input, c.Output, c.Actor, c.Location, c.MergedAt, product.Unit)).ToList();
        var plan = new MergePlan(c, product, moves);
        foreach (var (input, move) in c.Inputs.Zip(moves).Where(x => !plan.Joined(world.Batch(x.First))))
        {
            BatchRules.JoinMerge(world.Batch(input), move, now);
        }

        return plan;
    }

    /// <summary>Whether an input's state shows it already went into this merge (a merge cut short, finished by its retry).</summary>
    public bool Joined(BatchState? input) => input is { Status: BatchStatus.Consumed } s && s.Children.Contains(Command.Output);

    /// <summary>The new lot's creation, once every input moved.</summary>
    public BatchCreated Output(IReadOnlyList<BatchMerged> joined, IReadOnlyList<string?> chains, DateTimeOffset now) =>
        BatchRules.MergeOutput(Command, joined, chains, Product, now);

    /// <summary>Takes input <paramref name="input"/> back out of a merge that could not be completed.</summary>
    public RevertMerge Revert(int input, Quantity quantity, string reason) =>
        new(EventId.Derived(Command.EventId, "unmerge", input), Command.Inputs[input], Command.Output, quantity, Command.Actor, Command.Location, reason);
}
