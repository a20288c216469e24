using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using EventId = SupplyChain.Domain.Identifiers.EventId;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>Reads request messages into checked domain values, naming the field when one is wrong.</summary>
public static class Requests
{
    public static Participant Participant(V1.RegisterParticipantRequest r) =>
        Domain.Participants.Participant.Create(
            Gln.Parse(r.Gln),
            r.Name,
            r.Roles.Select((role, i) => role == V1.Role.Unspecified || !System.Enum.IsDefined(role)
                ? throw DomainException.Invalid($"roles[{i}]", "is not a known role")
                : (Role)(int)role),
            r.Province,
            r.District,
            r.Commune,
            (ProducerKind)(int)r.Kind);

    public static Product Product(V1.RegisterProductRequest r) =>
        Domain.Products.Product.Create(
            Gtin.Parse(r.Gtin),
            Gln.Parse(r.ProducerGln, "producer_gln"),
            r.Name,
            r.Category,
            r.Unit,
            new OcopRating(r.OcopStars, r.OcopCertificate, r.OcopCertifiedOn is null ? null : DateOnly.FromDateTime(Time(r.OcopCertifiedOn, "ocop_certified_on")!.Value.UtcDateTime), r.OcopPendingStars),
            Limits(r.Limits, "limits"));

    public static ChainDefinition Chain(V1.DefineChainRequest r)
    {
        var id = ChainDefinition.ParseId(r.ChainId);
        var stages = r.Stages.Select((s, i) => new Stage(
            Text.Required(s.Name, $"stages[{i}].name", Bounds.WordLength),
            s.ParticipantGlns.Select((g, j) => Gln.Parse(g, $"stages[{i}].participant_glns[{j}]")).Distinct().ToList(),
            Limits(s.Limits, $"stages[{i}].limits"),
            s.RequiredAtHandoff.Select((t, j) => Text.Required(t, $"stages[{i}].required_at_handoff[{j}]", Bounds.MeasurementTypeLength).ToLowerInvariant()).Distinct().ToList())).ToList();
        return ChainDefinition.Create(id, r.Name, stages, r.MaxTransitHours);
    }

    public static CreateBatch Create(V1.CreateBatchRequest r)
    {
        var producer = Gln.Parse(r.ProducerGln, "producer_gln");
        return new CreateBatch(
            EventId.Parse(r.EventId),
            BatchRef.Parse(r.Gtin, r.Lot),
            Quantity(r.Quantity, "quantity"),
            producer,
            Gln.ParseOptional(r.LocationGln, "location_gln") ?? producer,
            Time(r.ProducedAt, "produced_at"),
            string.IsNullOrWhiteSpace(r.ChainId) ? null : ChainDefinition.ParseId(r.ChainId));
    }

    public static RecordCheckpoint Checkpoint(V1.RecordCheckpointRequest r)
    {
        var actor = Gln.Parse(r.ActorGln, "actor_gln");
        var kind = r.Kind switch
        {
            V1.CheckpointKind.Production => CheckpointKind.Production,
            V1.CheckpointKind.Environmental => CheckpointKind.Environmental,
            V1.CheckpointKind.FoodSafety => CheckpointKind.FoodSafety,
            _ => throw DomainException.Invalid("kind", "must be PRODUCTION, ENVIRONMENTAL or FOOD_SAFETY"),
        };
        Certificate? certificate = r.Certificate is { } c && (c.Reference.Length > 0 || c.IssuerGln.Length > 0)
            ? new Certificate(Gln.ParseOptional(c.IssuerGln, "certificate.issuer_gln"), Text.Required(c.Reference, "certificate.reference", Bounds.CertificateReferenceLength))
            : null;
        return new RecordCheckpoint(
            EventId.Parse(r.EventId),
            BatchRef.Parse(r.Gtin, r.Lot),
            actor,
            kind,
            Text.Required(r.Step, "step", Bounds.WordLength).ToLowerInvariant(),
            Gln.ParseOptional(r.LocationGln, "location_gln") ?? actor,
            Time(r.ObservedAt, "observed_at"),
            Measurements(r.Measurements),
            certificate);
    }

    public static ShipBatch Ship(V1.ShipBatchRequest r)
    {
        var actor = Gln.Parse(r.ActorGln, "actor_gln");
        return new ShipBatch(
            EventId.Parse(r.EventId),
            BatchRef.Parse(r.Gtin, r.Lot),
            actor,
            Gln.Parse(r.ReceiverGln, "receiver_gln"),
            r.Quantity is null ? null : Quantity(r.Quantity, "quantity"),
            Gln.ParseOptional(r.LocationGln, "location_gln") ?? actor,
            Time(r.ShippedAt, "shipped_at"));
    }

    public static ReceiveBatch Receive(V1.ReceiveBatchRequest r)
    {
        var actor = Gln.Parse(r.ActorGln, "actor_gln");
        var accept = r.Decision switch
        {
            V1.ReceiveDecision.Accept => true,
            V1.ReceiveDecision.Reject => false,
            _ => throw DomainException.Invalid("decision", "must be ACCEPT or REJECT"),
        };
        if (!accept && string.IsNullOrWhiteSpace(r.Reason))
        {
            throw DomainException.Invalid("reason", "is required to reject a shipment");
        }

        return new ReceiveBatch(
            EventId.Parse(r.EventId),
            BatchRef.Parse(r.Gtin, r.Lot),
            actor,
            accept,
            accept && r.QuantityReceived is not null ? Quantity(r.QuantityReceived, "quantity_received") : null,
            Text.Optional(r.Condition, "condition"),
            Gln.ParseOptional(r.LocationGln, "location_gln") ?? actor,
            Time(r.ReceivedAt, "received_at"),
            Measurements(r.Measurements),
            Text.Optional(r.Reason, "reason"));
    }

    public static SplitBatch Split(V1.SplitBatchRequest r)
    {
        var actor = Gln.Parse(r.ActorGln, "actor_gln");
        var parent = BatchRef.Parse(r.Gtin, r.Lot);
        Bounds.Count(r.Parts.Count, Bounds.PartsPerSplit, "parts", "parts");
        var parts = r.Parts.Select((p, i) => new BatchPart(
            new BatchRef(parent.Gtin, LotNumber.Parse(p.Lot, $"parts[{i}].lot")),
            Quantity(p.Quantity, $"parts[{i}].quantity"))).ToList();
        return new SplitBatch(EventId.Parse(r.EventId), parent, actor, parts, Gln.ParseOptional(r.LocationGln, "location_gln") ?? actor, Time(r.SplitAt, "split_at"));
    }

    public static MergeBatches Merge(V1.MergeBatchesRequest r)
    {
        var actor = Gln.Parse(r.ActorGln, "actor_gln");
        Bounds.Count(r.Inputs.Count, Bounds.InputsPerMerge, "inputs", "batches");
        var inputs = r.Inputs.Select((b, i) => BatchRef.Parse(b.Gtin, b.Lot, $"inputs[{i}].")).ToList();
        var output = new BatchRef(Gtin.Parse(r.OutputGtin, "output_gtin"), LotNumber.Parse(r.OutputLot, "output_lot"));
        return new MergeBatches(EventId.Parse(r.EventId), inputs, output, actor, Gln.ParseOptional(r.LocationGln, "location_gln") ?? actor, Time(r.MergedAt, "merged_at"));
    }

    public static TransformBatches Transform(V1.TransformBatchesRequest r)
    {
        var actor = Gln.Parse(r.ActorGln, "actor_gln");
        if (r.Inputs.Count == 0)
        {
            throw DomainException.Invalid("inputs", "a transformation needs at least one input batch");
        }

        if (r.Inputs.Count > Bounds.InputsPerTransform)
        {
            throw DomainException.Invalid("inputs", $"has {r.Inputs.Count} batches, at most {Bounds.InputsPerTransform} are allowed");
        }

        if (r.Outputs.Count == 0)
        {
            throw DomainException.Invalid("outputs", "a transformation needs at least one output batch");
        }

        if (r.Outputs.Count > Bounds.OutputsPerTransform)
        {
            throw DomainException.Invalid("outputs", $"has {r.Outputs.Count} batches, at most {Bounds.OutputsPerTransform} are allowed");
        }

        var inputs = r.Inputs.Select((input, i) => new TransformInput(
            BatchRef.Parse(input.Gtin, input.Lot, $"inputs[{i}]."),
            input.Quantity is null ? null : Quantity(input.Quantity, $"inputs[{i}].quantity"))).ToList();
        var outputs = r.Outputs.Select((output, j) => new BatchPart(
            BatchRef.Parse(output.Gtin, output.Lot, $"outputs[{j}]."),
            Quantity(output.Quantity, $"outputs[{j}].quantity"))).ToList();
        return new TransformBatches(
            EventId.Parse(r.EventId), inputs, outputs, actor, Gln.ParseOptional(r.LocationGln, "location_gln") ?? actor, Time(r.TransformedAt, "transformed_at"));
    }

    public static RecallBatch Recall(V1.RecallRequest r)
    {
        var eventId = EventId.Parse(r.EventId);
        var batch = BatchRef.Parse(r.Gtin, r.Lot);
        return new RecallBatch(eventId, batch, Gln.Parse(r.AuditorGln, "auditor_gln"), eventId, batch, Text.Required(r.Reason, "reason", Bounds.RecallReasonLength));
    }

    public static ChangeHold Hold(V1.HoldRequest r, HoldAction action) =>
        new(EventId.Parse(r.EventId), BatchRef.Parse(r.Gtin, r.Lot), Gln.Parse(r.AuditorGln, "auditor_gln"), action, Text.Required(r.Reason, "reason", Bounds.HoldReasonLength));

    public static Quantity Quantity(V1.Quantity? q, string field) =>
        q is null ? throw DomainException.Invalid(field, "is required") : Domain.Measures.Quantity.Parse(q.Value, q.Unit, field);

    public static DateTimeOffset? Time(Timestamp? t, string field)
    {
        if (t is null)
        {
            return null;
        }

        if (t.Seconds < 946_684_800 || t.Seconds > 253_402_300_799 || t.Nanos is < 0 or > 999_999_999)
        {
            throw DomainException.Invalid(field, "is not a valid time after 2000-01-01");
        }

        return t.ToDateTimeOffset();
    }

    private static IReadOnlyList<Measurement> Measurements(RepeatedField<V1.Measurement> measurements)
    {
        Bounds.Count(measurements.Count, Bounds.MeasurementsPerCheckpoint, "measurements", "readings");
        return measurements.Select((m, i) => Measurement.Parse(m.Type, m.Value, m.Unit, $"measurements[{i}]")).ToList();
    }

    private static IReadOnlyList<Limit> Limits(RepeatedField<V1.Limit> limits, string field) =>
        limits.Select((l, i) => Limit.Parse(l.Type, l.HasMin ? l.Min : null, l.HasMax ? l.Max : null, l.Unit, $"{field}[{i}]")).ToList();
}
