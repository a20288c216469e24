using Google.Protobuf.WellKnownTypes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Grains.Chains;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Abstractions.Products;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Storage;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>Writes domain values into reply messages.</summary>
public static class Replies
{
    public static V1.Participant Participant(ParticipantRecord r)
    {
        var p = r.Participant;
        var reply = new V1.Participant
        {
            Gln = p.Gln.Value,
            Name = p.Name,
            Province = p.Province,
            District = p.District,
            Commune = p.Commune,
            Kind = (V1.ProducerKind)(int)p.Kind,
            RegisteredAt = Timestamp.FromDateTimeOffset(r.RegisteredAt),
        };
        reply.Roles.AddRange(p.Roles.Select(role => (V1.Role)(int)role));
        reply.ProductGtins.AddRange(r.Products.Select(g => g.Value));
        return reply;
    }

    public static V1.Product Product(ProductRecord r)
    {
        var p = r.Product;
        var reply = new V1.Product
        {
            Gtin = p.Gtin.Value,
            ProducerGln = p.ProducerGln.Value,
            Name = p.Name,
            Category = p.Category,
            Unit = p.Unit,
            OcopStars = p.Ocop.Stars,
            OcopCertificate = p.Ocop.Certificate,
            OcopPendingStars = p.Ocop.PendingStars,
            RegisteredAt = Timestamp.FromDateTimeOffset(r.RegisteredAt),
            DigitalLink = p.DigitalLink,
        };
        if (p.Ocop.CertifiedOn is { } on)
        {
            reply.OcopCertifiedOn = Timestamp.FromDateTime(on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        reply.Limits.AddRange(p.Limits.Select(Limit));
        return reply;
    }

    public static V1.Chain Chain(ChainRecord r)
    {
        var reply = new V1.Chain
        {
            ChainId = r.Chain.ChainId,
            Name = r.Chain.Name,
            MaxTransitHours = r.Chain.MaxTransitHours,
            DefinedAt = Timestamp.FromDateTimeOffset(r.DefinedAt),
            BatchCount = r.BatchCount,
        };
        reply.Stages.AddRange(r.Chain.Stages.Select(s =>
        {
            var stage = new V1.Stage { Name = s.Name };
            stage.ParticipantGlns.AddRange(s.Participants.Select(g => g.Value));
            stage.Limits.AddRange(s.Limits.Select(Limit));
            stage.RequiredAtHandoff.AddRange(s.RequiredAtHandoff);
            return stage;
        }));
        return reply;
    }

    public static V1.ChainReport ChainReport(ChainReport r)
    {
        var reply = new V1.ChainReport { ChainId = r.ChainId, BatchCount = r.BatchCount, InTransitCount = r.InTransitCount };
        reply.Stages.AddRange(r.Stages.Select(s =>
        {
            var stage = new V1.StageReport { Name = s.Name, Completed = s.Completed, MeanHours = s.MeanHours, MaxHours = s.MaxHours, BatchesHere = s.Here };
            stage.Batches.AddRange(s.Batches.Select(Ref));
            return stage;
        }));
        reply.InTransit.AddRange(r.InTransit.Select(t => new V1.Transit
        {
            Batch = Ref(t.Batch), FromGln = t.From.Value, ToGln = t.To.Value, Since = Timestamp.FromDateTimeOffset(t.Since), Late = t.Late,
        }));
        reply.Violations.AddRange(r.Violations.Select(v => new V1.Violation
        {
            Batch = Ref(v.Batch), Stage = v.Stage, Description = v.Description, At = Timestamp.FromDateTimeOffset(v.At), Version = v.Version,
        }));
        return reply;
    }

    public static V1.Batch Batch(BatchState s)
    {
        var reply = new V1.Batch
        {
            Gtin = s.Ref.Gtin.Value,
            Lot = s.Ref.Lot,
            DigitalLink = s.Ref.DigitalLink,
            Quantity = Quantity(s.Quantity),
            ProducerGln = s.Producer.Value,
            CustodianGln = s.Custodian.Value,
            LocationGln = s.Location.Value,
            Status = (V1.BatchStatus)(int)s.Status,
            PendingReceiverGln = s.PendingReceiver?.Value ?? "",
            ChainId = s.ChainId ?? "",
            Version = s.Version,
            HeadHash = s.HeadHash,
            CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(s.UpdatedAt),
            HoldReason = s.HoldReason ?? "",
            FailedCheckpoints = s.FailedCheckpoints,
        };
        reply.Parents.AddRange(s.Parents.Select(Ref));
        reply.Children.AddRange(s.Children.Select(Ref));
        return reply;
    }

    public static V1.BatchEventResponse Written(BatchReply r)
    {
        var reply = new V1.BatchEventResponse
        {
            Receipt = new V1.EventReceipt
            {
                EventId = r.Event.Event.EventId,
                Version = r.Event.Version,
                Hash = r.Event.Hash,
                RecordedAt = Timestamp.FromDateTimeOffset(r.Event.RecordedAt),
                Replayed = r.Replayed,
            },
            Batch = Batch(r.Batch),
        };
        reply.Related.AddRange(r.Related.Select(Batch));
        switch (r.Event.Event)
        {
            case CheckpointRecorded c:
                reply.Verdict = Verdict(c.Verdict);
                reply.Results.AddRange(c.Results.Select(Result));
                break;
            case BatchReceived received when received.Results.Count > 0 || received.MissingReadings.Count > 0:
                reply.Verdict = received.MissingReadings.Count == 0 ? Verdict(received.Verdict) : V1.Verdict.Fail;
                reply.Results.AddRange(received.Results.Select(Result));
                break;
        }

        return reply;
    }

    /// <param name="declaration">The declaration of this event, when it was declared in error.</param>
    public static V1.BatchEvent Event(StoredEvent stored, ErrorDeclaration? declaration = null)
    {
        var r = stored.Recorded;
        var e = r.Event;
        var reply = new V1.BatchEvent
        {
            Version = r.Version,
            EventId = e.EventId,
            ActorGln = e.Actor.Value,
            LocationGln = e.Location.Value,
            EventTime = Timestamp.FromDateTimeOffset(e.EventTime),
            RecordTime = Timestamp.FromDateTimeOffset(r.RecordedAt),
            BizStep = e.BizStep,
            PreviousHash = r.PreviousHash,
            Hash = r.Hash,
            CanonicalJson = stored.CanonicalJson,
            Summary = EventSummary.Of(e),
            ErrorDeclaration = DeclarationOrNull(declaration),
        };
        switch (e)
        {
            case BatchCreated c:
                reply.Type = V1.EventType.Created;
                reply.Quantity = Quantity(c.Quantity);
                reply.Related.AddRange(c.Inputs.Select(i => Ref(i.Batch)));
                break;
            case CheckpointRecorded c:
                reply.Type = V1.EventType.CheckpointRecorded;
                reply.Verdict = Verdict(c.Verdict);
                reply.Results.AddRange(c.Results.Select(Result));
                break;
            case BatchShipped s:
                reply.Type = V1.EventType.Shipped;
                reply.Quantity = Quantity(s.Quantity);
                reply.CounterpartyGln = s.Receiver.Value;
                break;
            case BatchReceived rc:
                reply.Type = V1.EventType.Received;
                reply.Quantity = Quantity(rc.Received);
                reply.CounterpartyGln = rc.Shipper.Value;
                reply.Verdict = rc.Results.Count > 0 || rc.MissingReadings.Count > 0
                    ? (rc.MissingReadings.Count == 0 ? Verdict(rc.Verdict) : V1.Verdict.Fail)
                    : V1.Verdict.Unspecified;
                reply.Results.AddRange(rc.Results.Select(Result));
                break;
            case ShipmentRejected rj:
                reply.Type = V1.EventType.ShipmentRejected;
                reply.CounterpartyGln = rj.Shipper.Value;
                break;
            case BatchSplit sp:
                reply.Type = V1.EventType.Split;
                reply.Quantity = Quantity(sp.Children.Aggregate(Domain.Measures.Quantity.Zero(sp.Remaining.Unit), (sum, c) => sum.Add(c.Quantity)));
                reply.Related.AddRange(sp.Children.Select(c => Ref(c.Batch)));
                break;
            case BatchMerged m:
                reply.Type = V1.EventType.Merged;
                reply.Quantity = Quantity(m.Quantity);
                reply.Related.Add(Ref(m.Into));
                break;
            case MergeReverted mr:
                reply.Type = V1.EventType.MergeReverted;
                reply.Quantity = Quantity(mr.Quantity);
                reply.Related.Add(Ref(mr.Into));
                break;
            case BatchHeld:
                reply.Type = V1.EventType.HoldPlaced;
                break;
            case HoldLifted:
                reply.Type = V1.EventType.HoldLifted;
                break;
            case BatchTransformed t:
                reply.Type = V1.EventType.Transformed;
                reply.Quantity = Quantity(t.Used);
                reply.Related.AddRange(t.Outputs.Select(o => Ref(o.Batch)));
                break;
            case TransformReverted tr:
                reply.Type = V1.EventType.TransformReverted;
                reply.Quantity = Quantity(tr.Quantity);
                reply.Related.AddRange(tr.Outputs.Select(o => Ref(o.Batch)));
                break;
            case ErrorDeclared:
                reply.Type = V1.EventType.ErrorDeclared;
                reply.Declares = Declaration(Domain.Batches.ErrorDeclaration.Of(r));
                break;
            case BatchRecalled rc:
                reply.Type = V1.EventType.Recalled;
                if (rc.EventId != rc.RecallId)
                {
                    reply.Related.Add(Ref(rc.Root));
                }

                break;
        }

        return reply;
    }

    public static V1.ErrorDeclaration Declaration(ErrorDeclaration d)
    {
        var reply = new V1.ErrorDeclaration
        {
            DeclaredVersion = d.DeclaredVersion,
            DeclaredEventId = d.DeclaredEventId,
            DeclarationTime = Timestamp.FromDateTimeOffset(d.DeclaredAt),
            Reason = d.Reason,
            DeclaredByGln = d.DeclaredBy.Value,
            Version = d.Version,
        };
        reply.CorrectiveEventIds.AddRange(d.CorrectiveEventIds);
        return reply;
    }

    public static V1.ErrorDeclaration? DeclarationOrNull(ErrorDeclaration? d) => d is null ? null : Declaration(d);

    public static V1.BatchRef Ref(BatchRef b) => new() { Gtin = b.Gtin.Value, Lot = b.Lot };

    public static V1.Quantity Quantity(Quantity q) => new() { Value = (double)q.Value, Unit = q.Unit };

    private static V1.Limit Limit(Limit l)
    {
        var reply = new V1.Limit { Type = l.Type, Unit = l.Unit };
        if (l.Min is { } min)
        {
            reply.Min = (double)min;
        }

        if (l.Max is { } max)
        {
            reply.Max = (double)max;
        }

        return reply;
    }

    public static V1.MeasurementResult Result(MeasurementResult r) => new()
    {
        Measurement = new V1.Measurement { Type = r.Measurement.Type, Value = (double)r.Measurement.Value, Unit = r.Measurement.Unit },
        Limit = r.Limit is null ? null : Limit(r.Limit),
        LimitSource = r.Source,
        WithinLimit = r.Within,
    };

    public static V1.Verdict Verdict(Verdict v) => v == Domain.Batches.Verdict.Pass ? V1.Verdict.Pass : V1.Verdict.Fail;
}
