using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Planning;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

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
    /// event id is already stored on its batch is a replay and is skipped (its effects are in the states read), but for an
    /// error declaration, whose declarer is checked again (declaring twice returns the first, to a party that may declare).
    /// Throws the first refusal, its message starting with the event's place in the document.
    /// </summary>
    public static void Rehearse(IReadOnlyList<ImportStep> steps, ImportWorld world, DateTimeOffset now)
    {
        var rehearsal = new Rehearsal(world.Batches, world.Products, world.Participants, world.Chains, world.Events);
        foreach (var step in steps.Where(s => s.Command is DeclareError || !world.Stored.Contains((s.Target, s.EventId))))
        {
            At(step.Index, () => rehearsal.Run(step.Command, now));
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
            case ImportedDeclaration d:
                // Each batch event the declared EPCIS event made, on the batch whose log took its id, is declared in error.
                return d.Declared.SelectMany(Moved).Distinct()
                    .Select(m => new DeclareError(m.Batch, actor, m.EventId, d.DeclaredAt, d.Reason, d.CorrectiveEventIds))
                    .Select(c => new ImportStep(fact.Index, ImportKind.Declared, c.Batch, c.EventId, c)).ToList();
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

    /// <summary>The batches whose logs take a fact's event id, as <see cref="BatchPlanner.Target"/> names them for its commands.</summary>
    private static IEnumerable<(BatchRef Batch, string EventId)> Moved(ImportedEvent fact) => fact switch
    {
        ImportedCreation c => c.Lots.Select(l => (l.Batch, fact.EventId)),
        ImportedCheckpoint c => c.Lots.Select(l => (l.Batch, fact.EventId)),
        ImportedShipment s => s.Lots.Select(l => (l.Batch, fact.EventId)),
        ImportedReceipt r => r.Lots.Select(l => (l.Batch, fact.EventId)),
        ImportedTransformation { Kind: TransformationKind.Split } t => [(t.Inputs[0].Batch, fact.EventId)],
        ImportedTransformation t when t.Inputs.Count > 0 && t.Outputs.Count > 0 => [(t.Outputs[0].Batch, fact.EventId)],
        _ => [],
    };

    private static Quantity Amount(ImportedLot lot, string what) =>
        lot.Quantity ?? throw DomainException.Invalid("quantityList", $"{what} needs the quantity of lot {lot.Batch} ({lot.Identifier})");

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
