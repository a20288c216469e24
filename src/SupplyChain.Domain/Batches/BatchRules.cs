using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches;

/// <summary>Decides the event a command makes, or refuses it with the rule it breaks.</summary>
public static class BatchRules
{
    /// <summary>How far ahead of the server's clock an event time may be.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static BatchCreated Create(BatchState? state, CreateBatch c, Product product, DateTimeOffset now)
    {
        if (state is not null)
        {
            throw DomainException.Exists($"batch {c.Batch} already exists");
        }

        if (product.Gtin != c.Batch.Gtin)
        {
            throw DomainException.Invalid("gtin", $"product {product.Gtin} does not match batch {c.Batch}");
        }

        if (product.ProducerGln != c.Producer)
        {
            throw DomainException.Denied($"product {product.Gtin} belongs to producer {product.ProducerGln}, not {c.Producer}: only its producer creates batches of it");
        }

        if (c.Quantity.Unit != product.Unit)
        {
            throw DomainException.Invalid("quantity.unit", $"{c.Quantity.Unit} differs from the product's unit {product.Unit}");
        }

        var at = EventTime(c.ProducedAt, now, "produced_at");
        return new BatchCreated(c.EventId, c.Producer, c.Location, at, c.Batch.Gtin, c.Batch.Lot, c.Quantity, c.Producer, c.ChainId, Origin.Produced, []);
    }

    public static CheckpointRecorded Checkpoint(BatchState? state, RecordCheckpoint c, Participant actor, Product product, ChainDefinition? chain, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (batch.Status is BatchStatus.Consumed)
        {
            throw DomainException.Precondition($"batch {c.Batch} is consumed: record checkpoints on the batches made from it");
        }

        if (c.Kind != CheckpointKind.FoodSafety && batch.Custodian != c.Actor)
        {
            throw DomainException.Denied($"only the custodian {batch.Custodian} records {Words(c.Kind)} checkpoints on batch {c.Batch}");
        }

        // Which roles record which kind is the rulebook's (food safety: a lab or an auditor, never the holder as such).
        Rulebook.PermitRegistered(actor, Rulebook.Checkpoint(c.Kind));

        CheckpointRules.CheckReadings(c.Measurements, c.Kind != CheckpointKind.Production);
        var at = EventTime(c.ObservedAt, now, "observed_at", batch.CreatedAt);
        var (results, verdict) = CheckpointRules.Judge(c.Measurements, product.Limits, chain?.StageOf(batch.Custodian));
        return new CheckpointRecorded(c.EventId, c.Actor, c.Location, at, c.Kind, c.Step, results, verdict, c.Certificate);
    }

    public static BatchShipped Ship(BatchState? state, ShipBatch c, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (batch.Custodian != c.Actor)
        {
            throw DomainException.Denied($"only the current custodian {batch.Custodian} may ship batch {c.Batch}");
        }

        RequireMovable(batch, "shipped");
        if (c.Receiver == c.Actor)
        {
            throw DomainException.Invalid("receiver_gln", "a batch cannot be shipped to its own custodian");
        }

        if (c.Quantity is { } q && q != batch.Quantity)
        {
            throw DomainException.Precondition($"ship the whole batch ({batch.Quantity}), not {q}: split it first to ship part of it");
        }

        var at = EventTime(c.ShippedAt, now, "shipped_at", batch.UpdatedAt);
        return new BatchShipped(c.EventId, c.Actor, c.Location, at, c.Receiver, batch.Quantity);
    }

    public static BatchEvent Receive(BatchState? state, ReceiveBatch c, ChainDefinition? chain, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (batch.Status != BatchStatus.InTransit)
        {
            throw DomainException.Precondition($"batch {c.Batch} is not in transit (it is {Words(batch.Status)}): there is nothing to receive");
        }

        if (batch.PendingReceiver != c.Actor)
        {
            throw DomainException.Denied($"batch {c.Batch} was shipped to {batch.PendingReceiver}: only that receiver may receive or reject it");
        }

        var at = EventTime(c.ReceivedAt, now, "received_at", batch.ShippedAt);
        if (!c.Accept)
        {
            return new ShipmentRejected(c.EventId, c.Actor, c.Location, at, batch.Custodian, Text.Required(c.Reason, "reason"));
        }

        var received = c.Received ?? batch.Quantity;
        if (received.Unit != batch.Quantity.Unit)
        {
            throw DomainException.Invalid("quantity_received.unit", $"{received.Unit} differs from the shipped unit {batch.Quantity.Unit}");
        }

        if (received.Value > batch.Quantity.Value)
        {
            throw DomainException.Precondition($"received {received} is more than the {batch.Quantity} shipped: quantities are conserved");
        }

        CheckpointRules.CheckReadings(c.Measurements, false);
        var stage = chain?.StageOf(c.Actor);
        var (results, verdict) = CheckpointRules.Judge(c.Measurements, [], stage);
        var missing = CheckpointRules.Missing(c.Measurements, stage);
        return new BatchReceived(
            c.EventId, c.Actor, c.Location, at, batch.Custodian, batch.Quantity, received, batch.Quantity.Subtract(received), c.Condition, results, verdict, missing);
    }

    public static BatchSplit Split(BatchState? state, SplitBatch c, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (batch.Custodian != c.Actor)
        {
            throw DomainException.Denied($"only the current custodian {batch.Custodian} may split batch {c.Batch}");
        }

        RequireMovable(batch, "split");
        if (c.Parts.Count == 0)
        {
            throw DomainException.Invalid("parts", "a split needs at least one part");
        }

        Bounds.Count(c.Parts.Count, Bounds.PartsPerSplit, "parts", "parts");

        var total = Quantity.Zero(batch.Quantity.Unit);
        var lots = new HashSet<string>();
        for (var i = 0; i < c.Parts.Count; i++)
        {
            var part = c.Parts[i];
            if (part.Batch.Gtin != batch.Ref.Gtin)
            {
                throw DomainException.Invalid($"parts[{i}]", "a split part keeps the parent's GTIN");
            }

            if (part.Batch.Lot == batch.Ref.Lot || !lots.Add(part.Batch.Lot))
            {
                throw DomainException.Invalid($"parts[{i}].lot", $"'{part.Batch.Lot}' is used twice: every part needs a new lot");
            }

            if (part.Quantity.Unit != batch.Quantity.Unit)
            {
                throw DomainException.Invalid($"parts[{i}].quantity.unit", $"{part.Quantity.Unit} differs from the batch's unit {batch.Quantity.Unit}");
            }

            total = total.Add(part.Quantity);
        }

        if (total.Value > batch.Quantity.Value)
        {
            throw DomainException.Precondition($"parts add up to {total}, more than the {batch.Quantity} in batch {c.Batch}: quantities are conserved");
        }

        var at = EventTime(c.SplitAt, now, "split_at", batch.UpdatedAt);
        return new BatchSplit(c.EventId, c.Actor, c.Location, at, c.Parts, batch.Quantity.Subtract(total));
    }

    /// <summary>The creation of one child of a split, as the child's first event.</summary>
    public static BatchCreated SplitChild(BatchState parent, BatchSplit split, BatchPart part, string eventId) =>
        new(eventId, split.Actor, split.Location, split.EventTime, part.Batch.Gtin, part.Batch.Lot, part.Quantity,
            parent.Producer, parent.ChainId, Origin.Split, new List<BatchPart> { new(parent.Ref, part.Quantity) });

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

    /// <summary>
    /// Checks a transformation before any batch is touched: one to 100 distinct inputs, one to 100 distinct new outputs
    /// (none of them an input), each output a lot of a registered product (<paramref name="products"/>: those known) in
    /// that product's unit.
    /// </summary>
    public static void CheckTransform(TransformBatches c, IReadOnlyDictionary<Gtin, Product> products)
    {
        if (c.Inputs.Count == 0)
        {
            throw DomainException.Invalid("inputs", "a transformation needs at least one input batch");
        }

        if (c.Inputs.Count > Bounds.InputsPerTransform)
        {
            throw DomainException.Invalid("inputs", $"has {c.Inputs.Count} batches, at most {Bounds.InputsPerTransform} are allowed");
        }

        if (c.Outputs.Count == 0)
        {
            throw DomainException.Invalid("outputs", "a transformation needs at least one output batch");
        }

        if (c.Outputs.Count > Bounds.OutputsPerTransform)
        {
            throw DomainException.Invalid("outputs", $"has {c.Outputs.Count} batches, at most {Bounds.OutputsPerTransform} are allowed");
        }

        var inputs = new HashSet<BatchRef>();
        for (var i = 0; i < c.Inputs.Count; i++)
        {
            if (!inputs.Add(c.Inputs[i].Batch))
            {
                throw DomainException.Invalid($"inputs[{i}]", $"names batch {c.Inputs[i].Batch} twice");
            }
        }

        var outputs = new HashSet<BatchRef>();
        for (var j = 0; j < c.Outputs.Count; j++)
        {
            var output = c.Outputs[j];
            if (inputs.Contains(output.Batch))
            {
                throw DomainException.Invalid($"outputs[{j}]", $"{output.Batch} is also an input: a transformation makes new lots");
            }

            if (!outputs.Add(output.Batch))
            {
                throw DomainException.Invalid($"outputs[{j}]", $"names batch {output.Batch} twice");
            }

            var product = products.GetValueOrDefault(output.Batch.Gtin)
                ?? throw DomainException.Precondition($"outputs[{j}]: product {output.Batch.Gtin} is not registered");
            if (output.Quantity.Unit != product.Unit)
            {
                throw DomainException.Invalid($"outputs[{j}].quantity.unit", $"{output.Quantity.Unit} differs from the unit {product.Unit} of product {product.Gtin}");
            }
        }
    }

    /// <summary>Refuses a transformation when any of its output lots exists already (<paramref name="outputs"/>: their states, in order).</summary>
    public static void RequireNewOutputs(TransformBatches c, IReadOnlyList<BatchState?> outputs)
    {
        for (var j = 0; j < c.Outputs.Count; j++)
        {
            if (outputs[j] is not null)
            {
                throw DomainException.Exists($"outputs[{j}]: batch {c.Outputs[j].Batch} already exists: a transformation makes new lots");
            }
        }
    }

    /// <summary>The command by which input <paramref name="input"/> gives its part, with an id derived from the transformation's.</summary>
    public static UseInTransformation InputOf(TransformBatches c, int input) =>
        new(EventId.Derived(c.EventId, "transform", input), c.Inputs[input].Batch, c.EventId, c.Inputs[input].Quantity, c.Outputs, c.Actor, c.Location, c.TransformedAt);

    /// <summary>
    /// The event by which one input gives its part to a transformation: the amount named, or all it holds. Only its
    /// custodian transforms it, and only while it is active; it cannot give more than it holds.
    /// </summary>
    /// <param name="field">The request field that names the input, for refusals.</param>
    public static BatchTransformed UseInTransformation(BatchState? state, UseInTransformation c, DateTimeOffset now, string field = "inputs")
    {
        var batch = state ?? throw DomainException.NotFound($"{field}: batch {c.Batch} does not exist");
        if (batch.Custodian != c.Actor)
        {
            throw DomainException.Denied($"batch {c.Batch} is held by {batch.Custodian}: only its custodian may transform it");
        }

        RequireMovable(batch, "transformed");
        var used = c.Quantity ?? batch.Quantity;
        if (used.Unit != batch.Quantity.Unit)
        {
            throw DomainException.Invalid($"{field}.quantity.unit", $"{used.Unit} differs from the unit {batch.Quantity.Unit} of batch {c.Batch}");
        }

        if (used.Value > batch.Quantity.Value)
        {
            throw DomainException.Precondition($"{field}: uses {used} of batch {c.Batch}, more than the {batch.Quantity} it holds: quantities are conserved");
        }

        var at = EventTime(c.TransformedAt, now, "transformed_at", batch.UpdatedAt);
        return new BatchTransformed(c.EventId, c.Actor, c.Location, at, c.TransformationId, used, batch.Quantity.Subtract(used), c.Outputs);
    }

    /// <summary>Gives an input back its part in a transformation that could not be completed.</summary>
    public static TransformReverted RevertTransformation(BatchState? state, RevertTransformation c, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (c.Outputs.Any(o => !batch.Children.Contains(o.Batch)))
        {
            throw DomainException.Precondition($"batch {c.Batch} did not go into transformation {c.TransformationId}");
        }

        return new TransformReverted(c.EventId, c.Actor, c.Location, now, c.TransformationId, c.Outputs, c.Quantity, c.Reason);
    }

    /// <summary>
    /// The first output's creation, once every input has given its part: it lists each input with the amount it gave,
    /// takes the transformation's event id and is produced by the actor (on no chain: its product is a new one).
    /// </summary>
    public static BatchCreated TransformOutput(TransformBatches c, IReadOnlyList<BatchTransformed> used)
    {
        var first = c.Outputs[0];
        var inputs = c.Inputs.Zip(used, (input, u) => new BatchPart(input.Batch, u.Used)).ToList();
        var at = c.TransformedAt ?? used.Max(u => u.EventTime);
        return new BatchCreated(c.EventId, c.Actor, c.Location, at, first.Batch.Gtin, first.Batch.Lot, first.Quantity, c.Actor, null, Origin.Transformed, inputs);
    }

    /// <summary>The creation of output <paramref name="output"/> (1 and up) as the first output's, with an id derived from the transformation's.</summary>
    public static BatchCreated TransformOutput(TransformBatches c, BatchCreated first, int output)
    {
        var part = c.Outputs[output];
        return first with { EventId = EventId.Derived(c.EventId, "output", output), Gtin = part.Batch.Gtin, Lot = part.Batch.Lot, Quantity = part.Quantity };
    }

    /// <summary>
    /// Recalls a batch. Only a registered auditor recalls; a batch already recalled is refused (a retry of the same
    /// recall is answered from its event id before this rule). A consumed batch is recalled too: it is part of the
    /// genealogy and its log shows the recall, though it stays consumed (<see cref="BatchState.Apply"/>).
    /// </summary>
    public static BatchRecalled Recall(BatchState? state, RecallBatch c, Participant auditor, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (!auditor.Has(Role.Auditor))
        {
            throw DomainException.Denied($"{c.Auditor} is not an auditor: only auditors recall batches");
        }

        if (batch.Status == BatchStatus.Recalled)
        {
            throw DomainException.Precondition($"batch {c.Batch} is already {batch.HoldReason}");
        }

        return new BatchRecalled(c.EventId, c.Auditor, c.Auditor, now, c.RecallId, c.Root, Text.Required(c.Reason, "reason", Bounds.RecallReasonLength));
    }

    /// <summary>
    /// Places an auditor's hold on a batch. Only a registered auditor holds, with a reason. Only an active batch is held:
    /// one in transit is refused (its status says where it is going, and its receiver must still be able to receive or
    /// reject it; hold it once it has arrived), one already on hold, recalled or consumed has nothing to hold.
    /// </summary>
    public static BatchHeld PlaceHold(BatchState? state, ChangeHold c, Participant auditor, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        RequireAuditor(auditor, c, "place holds on batches");
        var reason = Text.Required(c.Reason, "reason", Bounds.HoldReasonLength);
        var why = batch.Status switch
        {
            BatchStatus.Active => null,
            BatchStatus.OnHold => $"batch {c.Batch} is already on hold ({batch.HoldReason})",
            BatchStatus.InTransit => $"batch {c.Batch} is in transit to {batch.PendingReceiver}: hold it once it is received or rejected",
            BatchStatus.Recalled => $"batch {c.Batch} is {batch.HoldReason}: it cannot move, there is nothing to hold",
            _ => $"batch {c.Batch} is {Words(batch.Status)}: hold the batches made from it",
        };
        if (why is not null)
        {
            throw DomainException.Precondition(why);
        }

        return new BatchHeld(c.EventId, c.Auditor, batch.Location, now, reason);
    }

    /// <summary>
    /// Lifts the hold on a batch, whether an auditor placed it or a failed food-safety check did: the batch is active
    /// again, with its custodian and location as they were. Only a registered auditor lifts, with a reason.
    /// </summary>
    public static HoldLifted LiftHold(BatchState? state, ChangeHold c, Participant auditor, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        RequireAuditor(auditor, c, "lift holds on batches");
        var reason = Text.Required(c.Reason, "reason", Bounds.HoldReasonLength);
        if (batch.Status != BatchStatus.OnHold)
        {
            throw DomainException.Precondition($"batch {c.Batch} is not on hold (it is {Words(batch.Status)}): there is no hold to lift");
        }

        return new HoldLifted(c.EventId, c.Auditor, batch.Location, now, reason);
    }

    /// <summary>
    /// The recall of one batch downstream of a recalled root. Its event id is derived from the recall's and the batch's
    /// key, not from the walk's order, so a retried recall finds the same ids however the genealogy is walked.
    /// </summary>
    public static RecallBatch RecallDownstream(RecallBatch root, BatchRef batch)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(batch.Key));
        var index = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) & int.MaxValue);
        return root with { EventId = EventId.Derived(root.RecallId, "recall", index), Batch = batch };
    }

    public static BatchState Existing(BatchState? state, BatchRef batch) =>
        state ?? throw DomainException.NotFound($"batch {batch} does not exist");

    /// <summary>An event time: the given one, checked, or now when none was given.</summary>
    public static DateTimeOffset EventTime(DateTimeOffset? given, DateTimeOffset now, string field, DateTimeOffset? notBefore = null)
    {
        if (given is not { } at)
        {
            return now;
        }

        if (at > now + ClockSkew)
        {
            throw DomainException.Invalid(field, $"{at:O} is in the future (server time {now:O})");
        }

        if (notBefore is { } earliest && at < earliest)
        {
            throw DomainException.Precondition($"{field} {at:O} is before the batch's previous event at {earliest:O}: events must be in order");
        }

        return at;
    }

    private static void RequireAuditor(Participant auditor, ChangeHold c, string what)
    {
        if (!auditor.Has(Role.Auditor))
        {
            throw DomainException.Denied($"{c.Auditor} is not an auditor: only auditors {what}");
        }
    }

    private static void RequireMovable(BatchState batch, string verb)
    {
        var why = batch.Status switch
        {
            BatchStatus.Active => null,
            BatchStatus.OnHold => $"batch {batch.Ref} is on hold ({batch.HoldReason}) and cannot be {verb}",
            BatchStatus.InTransit => $"batch {batch.Ref} is in transit to {batch.PendingReceiver} and cannot be {verb} until it is received",
            _ => $"batch {batch.Ref} is {Words(batch.Status)} and cannot be {verb}",
        };
        if (why is not null)
        {
            throw DomainException.Precondition(why);
        }
    }

    public static string Words(BatchStatus status) => status switch
    {
        BatchStatus.InTransit => "in transit",
        BatchStatus.OnHold => "on hold",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Words(CheckpointKind kind) => kind switch
    {
        CheckpointKind.FoodSafety => "food-safety",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
