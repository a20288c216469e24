using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// Turns a captured EPCIS document into batch commands, and rehearses them against what is stored before any is sent,
/// so that a document is refused whole, with the index of the event at fault, rather than half applied.
/// </summary>
/// <remarks>
/// The importing party (<c>actor</c>) does what the document does not say who did: it produces created lots, records
/// checkpoints, splits and merges; a shipment is by its source party (else the actor) to its destination party, which
/// must be named; a receipt is by its destination party (else the actor). Each command keeps the fact's event id, so
/// importing a document again replays what is stored and applies the rest.
/// </remarks>
public static class ImportPlan
{
    /// <summary>The commands of a document, in document order; refuses a fact that no command of ours can carry.</summary>
    public static IReadOnlyList<ImportStep> Commands(EpcisCapture capture, Gln actor)
    {
        var steps = new List<ImportStep>();
        foreach (var fact in capture.Events)
        {
            At(fact.Index, () => steps.AddRange(Steps(fact, actor)));
        }

        return steps;
    }

    /// <summary>
    /// Runs every command through the batch rules on the stored states, in order, as the grains will; a step whose
    /// event id is already stored on its batch is a replay and is skipped (its effects are in the states read).
    /// Throws the first refusal, its message starting with the event's place in the document.
    /// </summary>
    public static void Rehearse(IReadOnlyList<ImportStep> steps, ImportWorld world, DateTimeOffset now)
    {
        var batches = new Dictionary<BatchRef, BatchState>(world.Batches);
        foreach (var step in steps.Where(s => !world.Stored.Contains((s.Target, s.EventId))))
        {
            At(step.Index, () => Rehearse(step.Command, batches, world, now));
        }
    }

    private static void Rehearse(object command, Dictionary<BatchRef, BatchState> batches, ImportWorld world, DateTimeOffset now)
    {
        BatchState? State(BatchRef batch) => batches.GetValueOrDefault(batch);
        void Apply(BatchRef batch, BatchEvent e)
        {
            var state = State(batch);
            batches[batch] = BatchState.Apply(state, new RecordedEvent((state?.Version ?? 0) + 1, now, "", "", e));
        }

        ChainDefinition? Chain(BatchState? state) => state?.ChainId is { } id ? world.Chains.GetValueOrDefault(id) : null;

        switch (command)
        {
            case CreateBatch c:
                Party(world, c.Producer, "producer_gln");
                Apply(c.Batch, BatchRules.Create(State(c.Batch), c, Product(world, c.Batch.Gtin), now));
                break;
            case RecordCheckpoint c:
                var checkedBatch = BatchRules.Existing(State(c.Batch), c.Batch);
                Apply(c.Batch, BatchRules.Checkpoint(checkedBatch, c, Party(world, c.Actor, "actor_gln"), Product(world, c.Batch.Gtin), Chain(checkedBatch), now));
                break;
            case ShipBatch c:
                var shipped = BatchRules.Ship(State(c.Batch), c, now);
                Party(world, c.Receiver, "receiver_gln");
                Apply(c.Batch, shipped);
                break;
            case ReceiveBatch c:
                Apply(c.Batch, BatchRules.Receive(State(c.Batch), c, Chain(State(c.Batch)), now));
                break;
            case SplitBatch c:
                var split = BatchRules.Split(State(c.Batch), c, now);
                if (split.Children.FirstOrDefault(part => State(part.Batch) is not null) is { } taken)
                {
                    throw DomainException.Exists($"batch {taken.Batch} already exists: every part needs a new lot");
                }

                Apply(c.Batch, split);
                var parent = State(c.Batch)!;
                for (var i = 0; i < split.Children.Count; i++)
                {
                    Apply(split.Children[i].Batch, BatchRules.SplitChild(parent, split, split.Children[i], EventId.Derived(c.EventId, "split", i)));
                }

                break;
            case MergeBatches c when c.Inputs.Any(i => State(i) is { Status: BatchStatus.Consumed } s && s.Children.Contains(c.Output)):
                // A merge cut short after its inputs joined: the grain finishes it from their stored moves.
                break;
            case MergeBatches c:
                var product = Product(world, c.Output.Gtin);
                BatchRules.CheckMerge(State(c.Output), c, product);
                Party(world, c.Actor, "actor_gln");
                var joined = new List<BatchMerged>();
                for (var i = 0; i < c.Inputs.Count; i++)
                {
                    var join = BatchRules.JoinMerge(State(c.Inputs[i]), new JoinMerge(EventId.Derived(c.EventId, "merge", i), c.Inputs[i], c.Output, c.Actor, c.Location, c.MergedAt, product.Unit), now);
                    joined.Add(join);
                }

                var chains = c.Inputs.Select(i => State(i)!.ChainId).ToList();
                foreach (var (input, join) in c.Inputs.Zip(joined))
                {
                    Apply(input, join);
                }

                Apply(c.Output, BatchRules.MergeOutput(c, joined, chains, product, now));
                break;
            default:
                throw new InvalidOperationException($"an import step holds no command of ours: {command.GetType().Name}");
        }
    }

    private static IEnumerable<ImportStep> Steps(ImportedEvent fact, Gln actor)
    {
        var location = fact.Location ?? actor;
        ImportStep Step(ImportKind kind, BatchRef target, object command) => new(fact.Index, kind, target, fact.EventId, command);
        switch (fact)
        {
            case ImportedCreation c:
                return c.Lots.Select(lot => Step(ImportKind.Created, lot.Batch, new CreateBatch(
                    fact.EventId, lot.Batch, Amount(lot, "a creation"), actor, location, fact.EventTime, null))).ToList();
            case ImportedCheckpoint c:
                var step = Text.Required(c.Step, "step", Bounds.WordLength).ToLowerInvariant();
                return c.Lots.Select(lot => Step(ImportKind.Checkpoint, lot.Batch, new RecordCheckpoint(
                    fact.EventId, lot.Batch, actor, c.Kind, step, location, fact.EventTime, c.Measurements, c.Certificate))).ToList();
            case ImportedShipment s:
                var receiver = s.To ?? throw DomainException.Invalid("destinationList", "a shipment needs a destination party (possessing_party, owning_party or location) that is a GLN");
                return s.Lots.Select(lot => Step(ImportKind.Shipped, lot.Batch, new ShipBatch(
                    fact.EventId, lot.Batch, s.From ?? actor, receiver, lot.Quantity, location, fact.EventTime))).ToList();
            case ImportedReceipt r:
                var note = Text.Optional(string.Join(' ', r.Note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), r.Accepted ? "condition" : "reason");
                var reason = r.Accepted ? "" : note.Length > 0 ? note : "returned (EPCIS disposition)";
                return r.Lots.Select(lot => Step(r.Accepted ? ImportKind.Received : ImportKind.Rejected, lot.Batch, new ReceiveBatch(
                    fact.EventId, lot.Batch, r.To ?? actor, r.Accepted, r.Accepted ? lot.Quantity : null, r.Accepted ? note : "", location, fact.EventTime,
                    new List<Measurement>(), reason))).ToList();
            case ImportedTransformation { Kind: TransformationKind.Split } t:
                var parent = t.Inputs[0].Batch;
                var parts = t.Outputs.Select(o => new BatchPart(o.Batch, Amount(o, "a split's output"))).ToList();
                return new[] { Step(ImportKind.Split, parent, new SplitBatch(fact.EventId, parent, actor, parts, location, fact.EventTime)) };
            case ImportedTransformation { Kind: TransformationKind.Merge } t:
                var output = t.Outputs[0].Batch;
                var inputs = t.Inputs.Select(i => i.Batch).Distinct().ToList();
                return new[] { Step(ImportKind.Merged, output, new MergeBatches(fact.EventId, inputs, output, actor, location, fact.EventTime)) };
            case ImportedTransformation:
                throw DomainException.Invalid("type", "a TransformationEvent that is neither a split (one lot into new lots of its GTIN) nor a merge (lots into one new lot) has no batch operation here");
            default:
                throw DomainException.Invalid("type", $"{fact.GetType().Name} is not imported");
        }
    }

    private static Quantity Amount(ImportedLot lot, string what) =>
        lot.Quantity ?? throw DomainException.Invalid("quantityList", $"{what} needs the quantity of lot {lot.Batch} ({lot.Identifier})");

    private static Product Product(ImportWorld world, Gtin gtin) =>
        world.Products.GetValueOrDefault(gtin) ?? throw DomainException.Precondition($"product {gtin} is not registered");

    private static Participant Party(ImportWorld world, Gln gln, string field) =>
        world.Participants.GetValueOrDefault(gln) ?? throw DomainException.Precondition($"{field} {gln} is not a registered participant");

    /// <summary>Runs one event's work, naming the event in any refusal: "eventList[3]: ...".</summary>
    private static void At(int index, Action work)
    {
        try
        {
            work();
        }
        catch (DomainException refused)
        {
            throw new DomainException(refused.Refusal, $"eventList[{index}]: {refused.Message}");
        }
    }
}
