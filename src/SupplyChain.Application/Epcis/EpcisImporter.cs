using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.Repository;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Abstractions.Products;

namespace SupplyChain.Application.Epcis;

/// <summary>
/// Captures a partner's EPCIS document: reads it whole, makes the batch commands, checks each against the rulebook as
/// the act it is, rehearses them on what is stored (nothing is written when any is refused), then sends them to the
/// batch grains in document order.
/// </summary>
public sealed class EpcisImporter(IGrainFactory grains, TimeProvider clock)
{
    /// <param name="actor">The importing party: who does what the document does not say who did.</param>
    /// <param name="receiver">Who receives shipments whose document names no destination.</param>
    public async Task<Imported> ImportAsync(Caller caller, Gln actor, Gln? receiver, string document, CancellationToken ct)
    {
        var capture = EpcisImport.Parse(document);

        // A document of error declarations only is the act of declaring, which an auditor may do without importing anything.
        Rulebook.Acting(caller, capture.OnlyDeclarations ? Act.DeclareError : Act.Import, "actor_gln", actor.Value);
        var steps = ImportPlan.Commands(capture, actor, receiver);

        // Every step is checked as the act it is, as if the caller had sent it alone: an import opens no other door.
        foreach (var step in steps)
        {
            Rulebook.PermitImported(caller, Rulebook.Command(step.Command), actor, step.Actor, $"eventList[{step.Index}]");
        }

        ImportPlan.Rehearse(steps, await WorldAsync(steps, ct), clock.GetUtcNow());

        // Every event of the document is stored whole; one whose id holds other content refuses the document before anything is written.
        // An event is attached to the lots its commands move as well as to the identifiers it names (a serial kept as a lot of one).
        var lots = steps.GroupBy(st => st.Index).ToDictionary(g => g.Key, g => g.SelectMany(st => st.Batches).Distinct().Select(LotPartition).ToList());
        var events = RepositoryEvents.Read(document, actor.Value)
            .Select(e => lots.TryGetValue(e.Index, out var moved) ? e with { Partitions = e.Partitions.Union(moved).ToList() } : e).ToList();
        var repository = grains.GetGrain<IEpcisRepositoryGrain>(0);
        var checkedEvents = await repository.CheckAsync(events);
        if (checkedEvents.Select((o, i) => (Outcome: o, Event: events[i])).FirstOrDefault(c => c.Outcome == StoreOutcome.Conflict) is { Event: { } conflict })
        {
            throw DomainException.Exists($"eventList[{conflict.Index}].eventID: '{conflict.EventId}' is stored already with other content");
        }

        // Each step waits for the earlier steps on any batch it touches, so every batch sees the document's order and
        // steps on different batches run side by side; a retry replays what is stored.
        var last = new Dictionary<BatchRef, Task>();
        var replies = new List<Task<BatchReply>>(steps.Count);
        foreach (var step in steps)
        {
            var before = step.Batches.Select(b => last.GetValueOrDefault(b)).OfType<Task>().ToList();
            var reply = AfterAsync(before, step);
            replies.Add(reply);
            foreach (var batch in step.Batches)
            {
                last[batch] = reply;
            }
        }

        try
        {
            await Task.WhenAll(replies);
        }
        catch (Exception)
        {
            // Every step has settled; the first failure in document order is rethrown below.
        }

        var applied = new List<(ImportStep Step, BatchReply Reply)>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            applied.Add((steps[i], await replies[i]));
        }

        var outcomes = await repository.StoreAsync(events);
        return new Imported(capture, applied, events.Select((e, i) => (e, outcomes[i])).ToList());
    }

    private async Task<BatchReply> AfterAsync(IReadOnlyList<Task> before, ImportStep step)
    {
        await Task.WhenAll(before);
        return await ApplyAsync(step);
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
        DeclareError c => Batch(c.Batch).DeclareErrorAsync(c),
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
        var asked = steps.Where(s => batches.ContainsKey(s.Target)).GroupBy(s => s.Target).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(s => s.EventId).ToList());
        var ids = await Bounded.LookUpAsync(asked.Keys.ToList(), async batch => (IReadOnlySet<string>?)await Batch(batch).HeldEventIdsAsync(asked[batch]), ct);
        var stored = steps.Where(s => ids.TryGetValue(s.Target, out var known) && known.Contains(s.EventId)).Select(s => (s.Target, s.EventId)).ToHashSet();
        return new ImportWorld(batches, products, parties, chains, stored, await DeclaredAsync(steps, batches, ct));
    }

    /// <summary>The stored events the document's error declarations name, and the declarations stored for them.</summary>
    private async Task<IReadOnlyDictionary<(BatchRef Batch, string EventId), RecordedEvent>> DeclaredAsync(
        IReadOnlyList<ImportStep> steps, IReadOnlyDictionary<BatchRef, BatchState> batches, CancellationToken ct)
    {
        var asked = steps.Select(s => s.Command).OfType<DeclareError>().Where(d => batches.ContainsKey(d.Batch)).GroupBy(d => d.Batch)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(d => new[] { d.DeclaredEventId, d.EventId }).Distinct().ToList());
        var found = await Bounded.LookUpAsync(asked.Keys.ToList(), async batch => (IReadOnlyList<RecordedEvent>?)await Batch(batch).FindEventsAsync(asked[batch]), ct);
        return found.SelectMany(f => f.Value.Select(e => (Key: (f.Key, e.Event.EventId), Event: e))).ToDictionary(e => e.Key, e => e.Event);
    }

    private static string LotPartition(BatchRef batch) =>
        IndexPartition.Object(Domain.Epcis.HashId.CanonicalIdentifier.FromDigitalLink($"https://id.gs1.org/01/{batch.Gtin.Value}/10/{Uri.EscapeDataString(batch.Lot)}")!);

    private IBatchGrain Batch(BatchRef batch) => grains.GetGrain<IBatchGrain>(batch.Key);
}
