using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Chains;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Storage;
using V1 = SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>
/// Captures a partner's EPCIS document: reads it whole, makes the batch commands, rehearses them on what is stored
/// (nothing is written when any is refused), then sends them to the batch grains in document order.
/// </summary>
public sealed class EpcisImporter(IGrainFactory grains, BatchLogStore log, TimeProvider clock)
{
    public async Task<V1.ImportEpcisResponse> ImportAsync(V1.ImportEpcisRequest request, Caller caller, CancellationToken ct)
    {
        var actor = Gln.Parse(request.ActorGln, "actor_gln");
        var receiver = Gln.ParseOptional(request.ReceiverGln, "receiver_gln");
        var capture = EpcisImport.Parse(request.Document);
        var steps = ImportPlan.Commands(capture, actor, receiver);
        // Every step is checked as the act it is, as if the caller had sent it alone: an import opens no other door.
        foreach (var step in steps)
        {
            Rulebook.PermitImported(caller, Rulebook.Command(step.Command), actor, step.Actor, $"eventList[{step.Index}]");
        }

        ImportPlan.Rehearse(steps, await WorldAsync(steps, ct), clock.GetUtcNow());

        // Applied one by one in document order, as later events build on earlier ones; a retry replays what is stored.
        var replies = new List<(ImportStep Step, BatchReply Reply)>();
        foreach (var step in steps)
        {
            replies.Add((step, CaptureMetrics.Count(await ApplyAsync(step))));
        }

        return Reply(capture, replies);
    }

    private Task<BatchReply> ApplyAsync(ImportStep step) => step.Command switch
    {
        CreateBatch c => Batch(c.Batch).CreateAsync(c),
        RecordCheckpoint c => Batch(c.Batch).RecordCheckpointAsync(c),
        ShipBatch c => Batch(c.Batch).ShipAsync(c),
        ReceiveBatch c => Batch(c.Batch).ReceiveAsync(c),
        SplitBatch c => Batch(c.Batch).SplitAsync(c),
        MergeBatches c => Batch(c.Output).MergeAsync(c),
        TransformBatches c => Batch(c.Outputs[0].Batch).TransformAsync(c),
        _ => throw new InvalidOperationException($"an import step holds no command of ours: {step.Command.GetType().Name}"),
    };

    /// <summary>The stored batches, products, participants and chains the commands name, and which of them are stored already.</summary>
    private async Task<ImportWorld> WorldAsync(IReadOnlyList<ImportStep> steps, CancellationToken ct)
    {
        var batches = await Bounded.LookUpAsync(steps.SelectMany(s => s.Batches).Distinct().ToList(), batch => Batch(batch).GetAsync(), ct);
        var products = await Bounded.LookUpAsync(steps.SelectMany(s => s.Batches).Select(b => b.Gtin).Distinct().ToList(), async gtin => (await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product, ct);
        var parties = await Bounded.LookUpAsync(steps.SelectMany(s => s.Parties).Distinct().ToList(), async gln => (await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant, ct);
        var chainIds = batches.Values.Select(b => b.ChainId).OfType<string>().Distinct().ToList();
        var chains = await Bounded.LookUpAsync(chainIds, async id => (await grains.GetGrain<IChainGrain>(id).GetAsync())?.Chain, ct);
        // Each stored batch's event ids are read once, however many of the document's events it takes.
        var ids = await Bounded.LookUpAsync(steps.Select(s => s.Target).Where(batches.ContainsKey).Distinct().ToList(), async batch =>
        {
            await Batch(batch).WriteOutNowAsync();
            return await log.ReadEventIdsAsync(batch, ct);
        }, ct);
        var stored = steps.Where(s => ids.TryGetValue(s.Target, out var known) && known.ContainsKey(s.EventId)).Select(s => (s.Target, s.EventId)).ToHashSet();
        return new ImportWorld(batches, products, parties, chains, stored);
    }

    private static V1.ImportEpcisResponse Reply(EpcisCapture capture, List<(ImportStep Step, BatchReply Reply)> applied)
    {
        int Count(ImportKind kind) => applied.Count(a => a.Step.Kind == kind);
        var reply = new V1.ImportEpcisResponse
        {
            EventCount = capture.EventCount,
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
        reply.Notes.AddRange(capture.Notes.Select(n => n.ToString()));
        reply.Batches.AddRange(applied.SelectMany(a => a.Step.Batches).Distinct().Select(Replies.Ref));
        return reply;
    }

    private IBatchGrain Batch(BatchRef batch) => grains.GetGrain<IBatchGrain>(batch.Key);
}
