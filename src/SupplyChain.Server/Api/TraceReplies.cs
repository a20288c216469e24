using Google.Protobuf.WellKnownTypes;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>Writes traces, chains of custody and verifications into reply messages.</summary>
public static class TraceReplies
{
    public static V1.TraceBackResponse Back(Genealogy genealogy, int maxDepth, IReadOnlyDictionary<Gtin, Product> products, IReadOnlyDictionary<Gln, Participant> producers)
    {
        var reply = new V1.TraceBackResponse
        {
            Root = Replies.Ref(genealogy.Root),
            BatchCount = genealogy.Members.Count,
            FailedCheckpoints = genealogy.FailedCheckpoints,
            FailedHandoffs = genealogy.FailedHandoffs,
            AllChecksPassed = genealogy.FailedCheckpoints == 0 && genealogy.FailedHandoffs == 0,
            MaxDepth = maxDepth,
            Truncated = genealogy.Truncated,
        };
        reply.Batches.AddRange(genealogy.Members.Select(m => Traced(m, products, producers)));
        reply.Edges.AddRange(genealogy.Edges.Select(Edge));
        reply.ProducerGlns.AddRange(genealogy.Producers.Select(g => g.Value));
        return reply;
    }

    public static V1.TraceForwardResponse Forward(Genealogy genealogy)
    {
        var reply = new V1.TraceForwardResponse { Root = Replies.Ref(genealogy.Root), BatchCount = genealogy.Members.Count };
        reply.Batches.AddRange(genealogy.Members.Select(m =>
        {
            var s = m.Node.State;
            var batch = new V1.DownstreamBatch
            {
                Batch = Replies.Ref(s.Ref),
                Depth = m.Depth,
                Quantity = Replies.Quantity(s.Quantity),
                Status = (V1.BatchStatus)(int)s.Status,
                CustodianGln = s.Custodian.Value,
                LocationGln = s.Location.Value,
                PendingReceiverGln = s.PendingReceiver?.Value ?? "",
                Origin = (V1.BatchOrigin)(int)m.Node.Trail.Origin,
                HoldReason = s.HoldReason ?? "",
            };
            batch.ErrorDeclarations.AddRange(m.Node.Trail.Declarations.Select(Replies.Declaration));
            return batch;
        }));
        reply.Edges.AddRange(genealogy.Edges.Select(Edge));
        reply.CustodianGlns.AddRange(genealogy.Custodians.Select(g => g.Value));
        return reply;
    }

    public static V1.RecallResponse Recall(RecallBatch command, V1.RecalledBatch root, IReadOnlyList<V1.RecalledBatch> downstream, bool replayed)
    {
        var batches = downstream.Prepend(root).OrderBy(b => b.Depth).ThenBy(b => b.Batch.Gtin, StringComparer.Ordinal).ThenBy(b => b.Batch.Lot, StringComparer.Ordinal).ToList();
        var reply = new V1.RecallResponse
        {
            Root = Replies.Ref(command.Batch),
            RecallId = command.RecallId,
            BatchCount = batches.Count,
            NewlyRecalled = batches.Count(b => b.Outcome == V1.RecallOutcome.Recalled),
            Replayed = replayed,
        };
        reply.Batches.AddRange(batches);
        reply.NotifiedGlns.AddRange(batches.Where(b => b.Status != V1.BatchStatus.Consumed)
            .SelectMany(b => new[] { b.CustodianGln, b.PendingReceiverGln }).Where(g => g.Length > 0).Distinct().Order(StringComparer.Ordinal));
        return reply;
    }

    public static V1.RecalledBatch Recalled(Abstractions.Batches.BatchReply reply, int depth) =>
        Scoped(reply.Batch, depth, reply.Replayed ? V1.RecallOutcome.Replayed : V1.RecallOutcome.Recalled, reply.Event.Version);

    public static V1.RecalledBatch AlreadyRecalled(BatchState state, int depth) => Scoped(state, depth, V1.RecallOutcome.AlreadyRecalled, 0);

    private static V1.RecalledBatch Scoped(BatchState s, int depth, V1.RecallOutcome outcome, long version) => new()
    {
        Batch = Replies.Ref(s.Ref),
        Depth = depth,
        Outcome = outcome,
        Status = (V1.BatchStatus)(int)s.Status,
        CustodianGln = s.Custodian.Value,
        PendingReceiverGln = s.PendingReceiver?.Value ?? "",
        Version = version,
    };

    public static V1.Alert Alert(Domain.Alerts.AlertEntry entry) => Alert(entry.Alert, entry.Id, entry.Acknowledged);

    private static V1.Alert Alert(Domain.Alerts.Alert a, long id, bool acknowledged) => new()
    {
        Id = id,
        Acknowledged = acknowledged,
        AlertId = a.AlertId,
        Kind = (V1.AlertKind)(int)a.Kind,
        Batch = Replies.Ref(a.Batch),
        Version = a.Version,
        At = Timestamp.FromDateTimeOffset(a.At),
        CustodianGln = a.Custodian.Value,
        PendingReceiverGln = a.PendingReceiver?.Value ?? "",
        ProducerGln = a.Producer.Value,
        ChainId = a.ChainId ?? "",
        Message = a.Message,
    };

    public static V1.GetChainOfCustodyResponse Custody(TraceNode node)
    {
        var reply = new V1.GetChainOfCustodyResponse { Batch = Replies.Batch(node.State) };
        reply.Steps.AddRange(node.Trail.Custody.Select(s =>
        {
            var step = new V1.CustodyStep
            {
                Version = s.Version,
                At = Timestamp.FromDateTimeOffset(s.At),
                Kind = (V1.CustodyStepKind)(int)s.Kind,
                ActorGln = s.Actor.Value,
                CustodianGln = s.Custodian.Value,
                CounterpartyGln = s.Counterparty?.Value ?? "",
                LocationGln = s.Location.Value,
                Quantity = s.Quantity is null ? null : Replies.Quantity(s.Quantity),
                Loss = s.Loss is null ? null : Replies.Quantity(s.Loss),
                Note = s.Note,
                Verdict = s.Verdict is { } v ? Replies.Verdict(v) : V1.Verdict.Unspecified,
                ErrorDeclaration = Replies.DeclarationOrNull(node.Trail.DeclarationOf(s.Version)),
            };
            step.Related.AddRange(s.Related.Select(r => new V1.RelatedBatch { Batch = Replies.Ref(r.Batch), Quantity = Replies.Quantity(r.Quantity) }));
            return step;
        }));
        return reply;
    }

    public static V1.VerifyBatchResponse Verification(BatchRef batch, LogVerification v) => new()
    {
        Batch = Replies.Ref(batch),
        Ok = v.Ok,
        EventsChecked = v.EventsChecked,
        HeadVersion = v.HeadVersion,
        HeadHash = v.HeadHash,
        FirstBadVersion = v.FirstBadVersion ?? 0,
        Problem = v.Break is { } b ? (V1.ChainBreak)(int)b : V1.ChainBreak.Unspecified,
        Reason = v.Reason,
    };

    private static V1.TracedBatch Traced(GenealogyMember member, IReadOnlyDictionary<Gtin, Product> products, IReadOnlyDictionary<Gln, Participant> producers)
    {
        var (s, trail) = (member.Node.State, member.Node.Trail);
        var reply = new V1.TracedBatch
        {
            Batch = Replies.Ref(s.Ref),
            Product = products.TryGetValue(s.Ref.Gtin, out var product) ? Product(product) : new V1.ProductSummary { Gtin = s.Ref.Gtin.Value },
            Producer = producers.TryGetValue(s.Producer, out var producer) ? Producer(producer) : new V1.ProducerSummary { Gln = s.Producer.Value },
            Quantity = Replies.Quantity(s.Quantity),
            Status = (V1.BatchStatus)(int)s.Status,
            CustodianGln = s.Custodian.Value,
            LocationGln = s.Location.Value,
            Depth = member.Depth,
            Origin = (V1.BatchOrigin)(int)trail.Origin,
            CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
            FailedCheckpoints = s.FailedCheckpoints,
            HoldReason = s.HoldReason ?? "",
            Version = s.Version,
            HeadHash = s.HeadHash,
        };
        reply.Custody.AddRange(Domain.Traces.Handoff.Of(trail.Custody).Select(h => Handoff(h, trail)));
        reply.Checkpoints.AddRange(trail.Checkpoints.Select(c => Checkpoint(c, trail)));
        reply.ErrorDeclarations.AddRange(trail.Declarations.Select(Replies.Declaration));
        return reply;
    }

    private static V1.ProductSummary Product(Product p) => new()
    {
        Gtin = p.Gtin.Value, Name = p.Name, Category = p.Category, OcopStars = p.Ocop.Stars, OcopCertificate = p.Ocop.Certificate,
    };

    private static V1.ProducerSummary Producer(Participant p) => new()
    {
        Gln = p.Gln.Value, Name = p.Name, Province = p.Province, District = p.District, Commune = p.Commune, Kind = (V1.ProducerKind)(int)p.Kind,
    };

    private static V1.Handoff Handoff(Handoff h, BatchTrail trail)
    {
        var reply = new V1.Handoff
        {
            ShipmentErrorDeclaration = Replies.DeclarationOrNull(trail.DeclarationOf(h.Shipment.Version)),
            SettlementErrorDeclaration = h.Settlement is { } settlement ? Replies.DeclarationOrNull(trail.DeclarationOf(settlement.Version)) : null,
            ShippedVersion = h.Shipment.Version,
            ShippedAt = Timestamp.FromDateTimeOffset(h.Shipment.At),
            FromGln = h.From.Value,
            ToGln = h.To.Value,
            QuantityShipped = Replies.Quantity(h.Shipped),
            Outcome = (V1.HandoffOutcome)(int)h.Outcome,
        };
        if (h.Settlement is { } settled)
        {
            reply.SettledVersion = settled.Version;
            reply.ReceivedAt = Timestamp.FromDateTimeOffset(settled.At);
            if (h.Outcome == HandoffOutcome.Received)
            {
                reply.QuantityReceived = settled.Quantity is null ? null : Replies.Quantity(settled.Quantity);
                reply.Loss = settled.Loss is null ? null : Replies.Quantity(settled.Loss);
                reply.Condition = settled.Note;
                reply.Verdict = settled.Verdict is { } v ? Replies.Verdict(v) : V1.Verdict.Unspecified;
                reply.Results.AddRange(settled.Results.Select(Replies.Result));
                reply.MissingReadings.AddRange(settled.MissingReadings);
            }
            else
            {
                reply.RejectionReason = settled.Note;
            }
        }

        return reply;
    }

    private static V1.Checkpoint Checkpoint(TracedCheckpoint c, BatchTrail trail)
    {
        var reply = new V1.Checkpoint
        {
            ErrorDeclaration = Replies.DeclarationOrNull(trail.DeclarationOf(c.Version)),
            Version = c.Version,
            ObservedAt = Timestamp.FromDateTimeOffset(c.At),
            Kind = (V1.CheckpointKind)(int)c.Kind,
            Step = c.Step,
            ActorGln = c.Actor.Value,
            LocationGln = c.Location.Value,
            Verdict = Replies.Verdict(c.Verdict),
            Certificate = c.Certificate is { } cert ? new V1.Certificate { IssuerGln = cert.Issuer?.Value ?? "", Reference = cert.Reference } : null,
        };
        reply.Results.AddRange(c.Results.Select(Replies.Result));
        return reply;
    }

    private static V1.TraceEdge Edge(GenealogyEdge e) => new() { Parent = Replies.Ref(e.Parent), Child = Replies.Ref(e.Child), Quantity = Replies.Quantity(e.Quantity) };

    public static V1.ImportEpcisResponse Import(Application.Epcis.Imported imported)
    {
        var applied = imported.Applied;
        int Count(ImportKind kind) => applied.Count(a => a.Step.Kind == kind);
        var reply = new V1.ImportEpcisResponse
        {
            EventCount = imported.Capture.EventCount,
            CommandCount = applied.Count,
            Created = Count(ImportKind.Created),
            Checkpoints = Count(ImportKind.Checkpoint),
            Shipped = Count(ImportKind.Shipped),
            Received = Count(ImportKind.Received),
            Rejected = Count(ImportKind.Rejected),
            Split = Count(ImportKind.Split),
            Merged = Count(ImportKind.Merged),
            Transformed = Count(ImportKind.Transformed),
            Replayed = applied.Count(a => a.Reply.Replayed),
            FailedChecks = applied.Count(a => a.Reply.Event.Event is CheckpointRecorded { Verdict: Verdict.Fail } or BatchReceived { Verdict: Verdict.Fail }),
        };
        reply.Notes.AddRange(imported.Capture.Notes.Select(n => n.ToString()));
        reply.Batches.AddRange(applied.SelectMany(a => a.Step.Batches).Distinct().Select(Replies.Ref));
        return reply;
    }
}
