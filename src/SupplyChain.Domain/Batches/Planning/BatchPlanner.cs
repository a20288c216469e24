using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>
/// The one place that says what a batch command looks up, which batch runs it, what it decides and, for a command that
/// touches several batches, which events go to which batch in which order. A batch grain applies a plan across grains
/// (inputs first, reverts on a refusal); the importer's rehearsal and the in-memory world apply it at once.
/// </summary>
public static class BatchPlanner
{
    /// <summary>The batch whose log takes the command's event id (a split's parent, a merge's new lot, a transformation's first output).</summary>
    public static BatchRef Target(object command) => command switch
    {
        CreateBatch c => c.Batch,
        RecordCheckpoint c => c.Batch,
        ShipBatch c => c.Batch,
        ReceiveBatch c => c.Batch,
        SplitBatch c => c.Batch,
        MergeBatches c => c.Output,
        TransformBatches c => c.Outputs[0].Batch,
        RecallBatch c => c.Batch,
        ChangeHold c => c.Batch,
        DeclareError c => c.Batch,
        _ => throw Unknown(command),
    };

    /// <summary>What deciding the command looks up besides its target's state (and the chain that state names).</summary>
    public static LookupNeeds Needs(object command) => command switch
    {
        CreateBatch c => new([c.Batch.Gtin], [c.Producer], c.ChainId is { } chain ? [chain] : [], []),
        RecordCheckpoint c => new([c.Batch.Gtin], [c.Actor], [], []),
        ShipBatch c => new([], [c.Receiver], [], []),
        ReceiveBatch => new([], [], [], []),
        SplitBatch c => new([], [], [], c.Parts.Select(p => p.Batch).ToList()),
        MergeBatches c => new([c.Output.Gtin], [c.Actor], [], c.Inputs),
        TransformBatches c => new(c.Outputs.Select(o => o.Batch.Gtin).Distinct().ToList(), [c.Actor], [], c.Outputs.Skip(1).Select(o => o.Batch).Concat(c.Inputs.Select(i => i.Batch)).ToList()),
        RecallBatch c => new([], [c.Auditor], [], []),
        ChangeHold c => new([], [c.Auditor], [], []),
        DeclareError c => new([], [c.Actor], [], []),
        _ => throw Unknown(command),
    };

    /// <summary>The event a command that touches one batch's log makes on it (a split's children follow from its event); throws the refusal.</summary>
    public static BatchEvent Decide(object command, IBatchLookup world, DateTimeOffset now)
    {
        switch (command)
        {
            case CreateBatch c:
                if (world.Batch(c.Batch) is not null)
                {
                    throw DomainException.Exists($"batch {c.Batch} already exists");
                }

                var product = world.RegisteredProduct(c.Batch.Gtin);
                world.RegisteredParticipant(c.Producer, "producer_gln");
                if (c.ChainId is { } chainId)
                {
                    world.DefinedChain(chainId);
                }

                return BatchRules.Create(null, c, product, now);
            case RecordCheckpoint c:
                var checkedBatch = BatchRules.Existing(world.Batch(c.Batch), c.Batch);
                var actor = world.RegisteredParticipant(c.Actor, "actor_gln");
                return BatchRules.Checkpoint(checkedBatch, c, actor, world.RegisteredProduct(checkedBatch.Ref.Gtin), world.ChainOf(checkedBatch), now);
            case ShipBatch c:
                var shipped = BatchRules.Ship(world.Batch(c.Batch), c, now);
                world.RegisteredParticipant(c.Receiver, "receiver_gln");
                return shipped;
            case ReceiveBatch c:
                return BatchRules.Receive(world.Batch(c.Batch), c, world.ChainOf(world.Batch(c.Batch)), now);
            case SplitBatch c:
                var split = BatchRules.Split(world.Batch(c.Batch), c, now);
                if (split.Children.FirstOrDefault(part => world.Batch(part.Batch) is not null) is { } taken)
                {
                    throw DomainException.Exists($"batch {taken.Batch} already exists: every part needs a new lot");
                }

                return split;
            case RecallBatch c:
                BatchRules.Existing(world.Batch(c.Batch), c.Batch);
                return BatchRules.Recall(world.Batch(c.Batch), c, world.RegisteredParticipant(c.Auditor, "auditor_gln"), now);
            case ChangeHold c:
                BatchRules.Existing(world.Batch(c.Batch), c.Batch);
                var auditor = world.RegisteredParticipant(c.Auditor, "auditor_gln");
                return c.Action == HoldAction.Lift ? BatchRules.LiftHold(world.Batch(c.Batch), c, auditor, now) : BatchRules.PlaceHold(world.Batch(c.Batch), c, auditor, now);
            case DeclareError c:
                BatchRules.Existing(world.Batch(c.Batch), c.Batch);
                return BatchRules.DeclareError(
                    world.Batch(c.Batch), c, world.Recorded(c.Batch, c.DeclaredEventId), world.Recorded(c.Batch, c.EventId), world.RegisteredParticipant(c.Actor, "actor_gln"), now);
            default:
                throw new InvalidOperationException($"{command.GetType().Name} touches several batches: plan it with {nameof(Plan)}");
        }
    }

    /// <summary>
    /// Every event a command stores, in order, as if nothing happened in between; throws the first refusal. A merge or
    /// transformation cut short after inputs moved plans nothing: its batch grain finishes it from the stored moves.
    /// </summary>
    public static IReadOnlyList<PlannedEvent> Plan(object command, IBatchLookup world, DateTimeOffset now)
    {
        switch (command)
        {
            case SplitBatch c:
                var split = (BatchSplit)Decide(c, world, now);
                var parent = After(world.Batch(c.Batch), split, now);
                return split.Children.Select((part, i) => new PlannedEvent(part.Batch, BatchRules.SplitChild(parent, split, part, EventId.Derived(c.EventId, "split", i))))
                    .Prepend(new PlannedEvent(c.Batch, split)).ToList();
            case MergeBatches c when world.Batch(c.Output) is null && c.Inputs.Any(i => world.Batch(i) is { Status: BatchStatus.Consumed } s && s.Children.Contains(c.Output)):
                return [];
            case MergeBatches c:
                var merge = MergePlan.Of(c, world, now);
                var joined = c.Inputs.Zip(merge.Moves, (input, move) => BatchRules.JoinMerge(world.Batch(input), move, now)).ToList();
                var chains = c.Inputs.Select(i => world.Batch(i)!.ChainId).ToList();
                return c.Inputs.Zip(joined, (input, join) => new PlannedEvent(input, join))
                    .Append(new PlannedEvent(c.Output, merge.Output(joined, chains, now))).ToList();
            case TransformBatches c when TransformPlan.Started(c, world):
                return [];
            case TransformBatches c:
                var transform = TransformPlan.Of(c, world);
                var used = transform.CheckInputs(world, now);
                var first = transform.First(used);
                return c.Inputs.Zip(used, (input, use) => new PlannedEvent(input.Batch, use))
                    .Append(new PlannedEvent(c.Outputs[0].Batch, first))
                    .Concat(Enumerable.Range(1, c.Outputs.Count - 1).Select(j => new PlannedEvent(c.Outputs[j].Batch, transform.Other(first, j)))).ToList();
            default:
                return [new PlannedEvent(Target(command), Decide(command, world, now))];
        }
    }

    /// <summary>A batch's state after an event, for the events of a plan that build on it.</summary>
    public static BatchState After(BatchState? state, BatchEvent e, DateTimeOffset now) =>
        BatchState.Apply(state, new RecordedEvent((state?.Version ?? 0) + 1, now, "", "", e));

    private static InvalidOperationException Unknown(object command) => new($"no batch command of ours: {command.GetType().Name}");
}
