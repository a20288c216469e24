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
/// checkpoints, splits, merges and transforms; a shipment is by its source party (else the actor) to its destination
/// party, else the party of the receipt of that lot that follows it in the document, else <c>receiver</c> (the
/// importer's word for who receives shipments whose document names no destination); a receipt is by its destination
/// party, else the receiver of that lot's shipment before it in the document, else the actor. Each command keeps the
/// fact's event id, so importing a document again replays what is stored and applies the rest.
/// </remarks>
public static class ImportPlan
{
    /// <summary>The commands of a document, in document order; refuses a fact that no command of ours can carry.</summary>
    /// <param name="receiver">Who receives a shipment that names no destination and whose lot no later receipt names a party for.</param>
    public static IReadOnlyList<ImportStep> Commands(EpcisCapture capture, Gln actor, Gln? receiver = null)
    {
        var steps = new List<ImportStep>();
        var receipts = ReceiptParties(capture.Events);
        var shippedTo = new Dictionary<BatchRef, Gln>();
        for (var k = 0; k < capture.Events.Count; k++)
        {
            var fact = capture.Events[k];
            var at = k;
            At(fact.Index, () => steps.AddRange(Steps(fact, actor, lot => receipts.TryGetValue((at, lot), out var party) ? party : receiver, shippedTo)));
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
            case TransformBatches c when State(c.Outputs[0].Batch) is null && c.Inputs.Any(i => State(i.Batch) is { } s && s.Children.Contains(c.Outputs[0].Batch)):
                // A transformation cut short after inputs gave their parts: the grain finishes it from their stored events.
                break;
            case TransformBatches c:
                var made = c.Outputs.Select(o => o.Batch.Gtin).Distinct().Where(world.Products.ContainsKey).ToDictionary(g => g, g => world.Products[g]);
                BatchRules.CheckTransform(c, made);
                Party(world, c.Actor, "actor_gln");
                BatchRules.RequireNewOutputs(c, c.Outputs.Select(o => State(o.Batch)).ToList());
                var used = c.Inputs.Select((input, i) => BatchRules.UseInTransformation(State(input.Batch), BatchRules.InputOf(c, i), now, $"inputs[{i}]")).ToList();
                foreach (var (input, use) in c.Inputs.Zip(used))
                {
                    Apply(input.Batch, use);
                }

                var first = BatchRules.TransformOutput(c, used);
                Apply(c.Outputs[0].Batch, first);
                for (var j = 1; j < c.Outputs.Count; j++)
                {
                    Apply(c.Outputs[j].Batch, BatchRules.TransformOutput(c, first, j));
                }

                break;
            default:
                throw new InvalidOperationException($"an import step holds no command of ours: {command.GetType().Name}");
        }
    }

    /// <summary>
    /// For each shipment (by its place among the facts) and lot: the party named by the receipt of that lot that follows
    /// it, when one does before the lot is shipped again. One pass from the end, so a long document costs no more than it holds.
    /// </summary>
    private static Dictionary<(int Fact, BatchRef Lot), Gln> ReceiptParties(IReadOnlyList<ImportedEvent> facts)
    {
        var found = new Dictionary<(int, BatchRef), Gln>();
        var next = new Dictionary<BatchRef, Gln?>();
        for (var k = facts.Count - 1; k >= 0; k--)
        {
            switch (facts[k])
            {
                case ImportedShipment s:
                    foreach (var lot in s.Lots.Select(l => l.Batch))
                    {
                        if (next.GetValueOrDefault(lot) is { } party)
                        {
                            found[(k, lot)] = party;
                        }

                        next[lot] = null;
                    }

                    break;
                case ImportedReceipt r:
                    foreach (var lot in r.Lots.Select(l => l.Batch))
                    {
                        next[lot] = r.To;
                    }

                    break;
            }
        }

        return found;
    }

    /// <param name="receiverOf">Who receives a lot that a shipment without a destination ships.</param>
    /// <param name="shippedTo">The receiver of each lot's latest shipment so far in the document; a shipment records its own.</param>
    private static IEnumerable<ImportStep> Steps(ImportedEvent fact, Gln actor, Func<BatchRef, Gln?> receiverOf, Dictionary<BatchRef, Gln> shippedTo)
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
                var shipments = new List<ImportStep>();
                foreach (var lot in s.Lots)
                {
                    var receiver = s.To ?? receiverOf(lot.Batch) ?? throw DomainException.Invalid(
                        "destinationList",
                        $"a shipment needs a destination party (possessing_party, owning_party or location) that is a GLN: none is named for lot {lot.Batch}, "
                        + "no receipt of it later in the document names its party, and no receiver_gln was given");
                    shippedTo[lot.Batch] = receiver;
                    shipments.Add(Step(ImportKind.Shipped, lot.Batch, new ShipBatch(fact.EventId, lot.Batch, s.From ?? actor, receiver, lot.Quantity, location, fact.EventTime)));
                }

                return shipments;
            case ImportedReceipt r:
                var note = Text.Optional(string.Join(' ', r.Note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), r.Accepted ? "condition" : "reason");
                var reason = r.Accepted ? "" : note.Length > 0 ? note : "returned (EPCIS disposition)";
                return r.Lots.Select(lot => Step(r.Accepted ? ImportKind.Received : ImportKind.Rejected, lot.Batch, new ReceiveBatch(
                    fact.EventId, lot.Batch, r.To ?? (shippedTo.TryGetValue(lot.Batch, out var to) ? to : actor), r.Accepted, r.Accepted ? lot.Quantity : null,
                    r.Accepted ? note : "", location, fact.EventTime, new List<Measurement>(), reason))).ToList();
            case ImportedTransformation { Kind: TransformationKind.Split } t:
                var parent = t.Inputs[0].Batch;
                var parts = t.Outputs.Select(o => new BatchPart(o.Batch, Amount(o, "a split's output"))).ToList();
                return new[] { Step(ImportKind.Split, parent, new SplitBatch(fact.EventId, parent, actor, parts, location, fact.EventTime)) };
            case ImportedTransformation { Kind: TransformationKind.Merge } t:
                var output = t.Outputs[0].Batch;
                var inputs = t.Inputs.Select(i => i.Batch).Distinct().ToList();
                return new[] { Step(ImportKind.Merged, output, new MergeBatches(fact.EventId, inputs, output, actor, location, fact.EventTime)) };
            case ImportedTransformation t when t.Inputs.Count == 0:
                throw DomainException.Invalid("inputEPCList", "a TransformationEvent needs input lots here: new lots without inputs are an ObjectEvent with action ADD");
            case ImportedTransformation t when t.Outputs.Count == 0:
                throw DomainException.Invalid("outputEPCList", "a TransformationEvent needs output lots here: a transformation makes new lots");
            case ImportedTransformation t when t.Inputs.FirstOrDefault(i => i.AmountNotKept) is { } unread:
                throw DomainException.Invalid(
                    "inputQuantityList", $"the quantity of input lot {unread.Batch} ({unread.Identifier}) was not kept (see the notes): without it the whole lot would be used");
            case ImportedTransformation t:
                var used = t.Inputs.Select(i => new TransformInput(i.Batch, i.Quantity)).ToList();
                var made = t.Outputs.Select(o => new BatchPart(o.Batch, Amount(o, "a transformation's output"))).ToList();
                return new[] { Step(ImportKind.Transformed, made[0].Batch, new TransformBatches(fact.EventId, used, made, actor, location, fact.EventTime)) };
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
