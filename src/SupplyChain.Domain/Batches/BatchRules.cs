using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches;

/// <summary>Decides the event a command makes, or refuses it with the rule it breaks.</summary>
public static partial class BatchRules
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
