using SupplyChain.Domain;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Fuzz.World;

/// <summary>
/// Batches in memory, moved by the domain rules in the order the batch grains and the gRPC layer call them: decide,
/// record with the hash chain, apply. A refusal is a <see cref="DomainException"/> and stores nothing, except that a
/// merge one input refused takes the others back out, as the merge grain does.
/// </summary>
internal sealed class BatchWorld(DateTimeOffset start)
{
    private readonly Dictionary<BatchRef, WorldLog> _logs = new();
    private readonly HashSet<BatchRef> _touched = new();
    private readonly Dictionary<string, ChainLedger> _ledgers = new();

    public DateTimeOffset Now { get; private set; } = start;

    public IReadOnlyDictionary<BatchRef, WorldLog> Logs => _logs;

    public IReadOnlyDictionary<Gln, Participant> Participants => Cast.Participants;

    public IReadOnlyDictionary<Gtin, Product> Products => Cast.Products;

    public IReadOnlyDictionary<string, ChainDefinition> Chains => Cast.Chains;

    /// <summary>Each chain's ledger, kept as the chain grain keeps it from the batch grains' movements.</summary>
    public IReadOnlyDictionary<string, ChainLedger> Ledgers => _ledgers;

    public BatchState? State(BatchRef batch) => _logs.GetValueOrDefault(batch)?.State;

    public void Tick(TimeSpan elapsed) => Now += elapsed;

    /// <summary>The batches written since the last call.</summary>
    public IReadOnlyList<BatchRef> TakeTouched()
    {
        var touched = _touched.ToList();
        _touched.Clear();
        return touched;
    }

    public void Create(CreateBatch c)
    {
        if (State(c.Batch) is not null)
        {
            throw DomainException.Exists($"batch {c.Batch} already exists");
        }

        var product = Product(c.Batch.Gtin);
        Party(c.Producer, "producer_gln");
        if (c.ChainId is { } chainId)
        {
            Chain(chainId);
        }

        Append(c.Batch, BatchRules.Create(State(c.Batch), c, product, Now));
    }

    public void Checkpoint(RecordCheckpoint c)
    {
        var batch = BatchRules.Existing(State(c.Batch), c.Batch);
        var actor = Party(c.Actor, "actor_gln");
        var product = Product(batch.Ref.Gtin);
        Append(c.Batch, BatchRules.Checkpoint(batch, c, actor, product, ChainOf(batch), Now));
    }

    public void Ship(ShipBatch c)
    {
        var shipped = BatchRules.Ship(State(c.Batch), c, Now);
        Party(c.Receiver, "receiver_gln");
        Append(c.Batch, shipped);
    }

    public void Receive(ReceiveBatch c) => Append(c.Batch, BatchRules.Receive(State(c.Batch), c, ChainOf(State(c.Batch)), Now));

    public void Split(SplitBatch c)
    {
        var split = BatchRules.Split(State(c.Batch), c, Now);
        if (split.Children.FirstOrDefault(part => State(part.Batch) is not null) is { } taken)
        {
            throw DomainException.Exists($"batch {taken.Batch} already exists: every part needs a new lot");
        }

        Append(c.Batch, split);
        var parent = State(c.Batch)!;
        for (var i = 0; i < split.Children.Count; i++)
        {
            Append(split.Children[i].Batch, BatchRules.SplitChild(parent, split, split.Children[i], EventId.Derived(split.EventId, "split", i)));
        }
    }

    /// <summary>As the batch grain merges: every input is checked before any moves (a refused merge writes nothing), then each joins the new lot.</summary>
    public void Merge(MergeBatches c)
    {
        if (State(c.Output) is not null)
        {
            throw DomainException.Exists($"batch {c.Output} already exists: merge into a new lot");
        }

        var product = Product(c.Output.Gtin);
        BatchRules.CheckMerge(null, c, product);
        Party(c.Actor, "actor_gln");
        var joins = c.Inputs.Select((input, i) => BatchRules.JoinMerge(
            State(input), new JoinMerge(EventId.Derived(c.EventId, "merge", i), input, c.Output, c.Actor, c.Location, c.MergedAt, product.Unit), Now)).ToList();
        foreach (var (input, join) in c.Inputs.Zip(joins))
        {
            Append(input, join);
        }

        var chains = c.Inputs.Select(i => State(i)!.ChainId).ToList();
        Append(c.Output, BatchRules.MergeOutput(c, joins, chains, product, Now));
    }

    /// <summary>As the first output's grain transforms: everything is checked first, then each input gives its part, then the outputs are made.</summary>
    public void Transform(TransformBatches c)
    {
        var made = c.Outputs.Select(o => o.Batch.Gtin).Distinct().Where(Products.ContainsKey).ToDictionary(g => g, g => Products[g]);
        BatchRules.CheckTransform(c, made);
        Party(c.Actor, "actor_gln");
        BatchRules.RequireNewOutputs(c, c.Outputs.Select(o => State(o.Batch)).ToList());
        var used = c.Inputs.Select((input, i) => BatchRules.UseInTransformation(State(input.Batch), BatchRules.InputOf(c, i), Now, $"inputs[{i}]")).ToList();
        foreach (var (input, use) in c.Inputs.Zip(used))
        {
            Append(input.Batch, use);
        }

        var first = BatchRules.TransformOutput(c, used);
        Append(c.Outputs[0].Batch, first);
        for (var j = 1; j < c.Outputs.Count; j++)
        {
            Append(c.Outputs[j].Batch, BatchRules.TransformOutput(c, first, j));
        }
    }

    /// <summary>An auditor places or lifts a hold, as the batch grain does.</summary>
    public void ChangeHold(ChangeHold c)
    {
        var auditor = Party(c.Auditor, "auditor_gln");
        Append(c.Batch, c.Action == HoldAction.Place
            ? BatchRules.PlaceHold(State(c.Batch), c, auditor, Now)
            : BatchRules.LiftHold(State(c.Batch), c, auditor, Now));
    }

    /// <summary>Recalls the batch, then everything made from it; a batch an earlier recall reached is left as it is.</summary>
    public IReadOnlyList<BatchRef> Recall(RecallBatch c)
    {
        BatchRules.Existing(State(c.Batch), c.Batch);
        var auditor = Party(c.Auditor, "auditor_gln");
        Append(c.Batch, BatchRules.Recall(State(c.Batch), c, auditor, Now));
        var scope = Genealogy.TraceForwardAsync(c.Batch, Fetch).GetAwaiter().GetResult().Members.Where(m => m.Depth > 0).Select(m => m.Node.State.Ref).ToList();
        foreach (var batch in scope)
        {
            try
            {
                Append(batch, BatchRules.Recall(State(batch), BatchRules.RecallDownstream(c, batch), auditor, Now));
            }
            catch (DomainException already) when (already.Refusal == Refusal.FailedPrecondition)
            {
                // Recalled before: in scope, and its custodian was told then.
            }
        }

        return scope;
    }

    /// <summary>An import's commands, in document order, as the importer sends them to the batch grains.</summary>
    public void Apply(ImportStep step)
    {
        switch (step.Command)
        {
            case CreateBatch c:
                Create(c);
                break;
            case RecordCheckpoint c:
                Checkpoint(c);
                break;
            case ShipBatch c:
                Ship(c);
                break;
            case ReceiveBatch c:
                Receive(c);
                break;
            case SplitBatch c:
                Split(c);
                break;
            case MergeBatches c:
                Merge(c);
                break;
            case TransformBatches c:
                Transform(c);
                break;
            default:
                throw new InvalidOperationException($"an import step holds no command of ours: {step.Command.GetType().Name}");
        }
    }

    /// <summary>What the importer reads before a rehearsal: these batches, and every product, party and chain.</summary>
    public ImportWorld ForImport() => new(
        _logs.Values.Where(l => l.State is not null).ToDictionary(l => l.Batch, l => l.State!),
        Products,
        Participants,
        Chains,
        new HashSet<(BatchRef, string)>());

    /// <summary>The trace nodes of one level of a genealogy walk, folded from the logs as a batch grain folds them.</summary>
    public Task<IReadOnlyList<TraceNode?>> Fetch(IReadOnlyList<BatchRef> level) =>
        Task.FromResult<IReadOnlyList<TraceNode?>>(level.Select(b => _logs.TryGetValue(b, out var log) ? log.Node : null).ToList());

    private void Append(BatchRef batch, BatchEvent e)
    {
        if (!_logs.TryGetValue(batch, out var log))
        {
            _logs[batch] = log = new WorldLog(batch);
        }

        log.Append(e, Now);
        _touched.Add(batch);
        var state = log.State!;
        var recorded = log.Events[^1];
        BatchAlerts.Of(state, recorded);
        if (state.ChainId is { } chainId && Movement(state, recorded) is { } movement)
        {
            if (!_ledgers.TryGetValue(chainId, out var ledger))
            {
                _ledgers[chainId] = ledger = new ChainLedger();
            }

            ledger.Apply(Chain(chainId), movement);
        }
    }

    /// <summary>What the batch grain tells the chain of an event, if anything.</summary>
    private static ChainMovement? Movement(BatchState state, RecordedEvent recorded)
    {
        ChainMovement Moved(MovementKind kind, Gln custodian, Gln? receiver = null, IReadOnlyList<string>? violations = null) =>
            new(state.Ref, recorded.Version, recorded.Event.EventTime, kind, custodian, receiver, violations ?? new List<string>());

        return recorded.Event switch
        {
            BatchCreated created => Moved(MovementKind.Joined, created.Actor),
            CheckpointRecorded checkpoint when CheckpointRules.Violations(checkpoint.Results) is { Count: > 0 } violations =>
                Moved(MovementKind.Checked, state.Custodian, violations: violations),
            BatchShipped shipped => Moved(MovementKind.Shipped, shipped.Actor, shipped.Receiver),
            BatchReceived received => Moved(MovementKind.Received, received.Actor, violations: CheckpointRules.Violations(received.Results).Concat(received.MissingReadings).ToList()),
            ShipmentRejected rejected => Moved(MovementKind.Rejected, rejected.Shipper),
            BatchSplit { Remaining.Value: 0 } split => Moved(MovementKind.Consumed, split.Actor),
            BatchMerged merged => Moved(MovementKind.Consumed, merged.Actor),
            MergeReverted => Moved(MovementKind.Restored, state.Custodian),
            BatchTransformed { Remaining.Value: 0 } used => Moved(MovementKind.Consumed, used.Actor),
            TransformReverted => Moved(MovementKind.Restored, state.Custodian),
            _ => null,
        };
    }

    private Product Product(Gtin gtin) =>
        Products.GetValueOrDefault(gtin) ?? throw DomainException.Precondition($"product {gtin} is not registered");

    private Participant Party(Gln gln, string field) =>
        Participants.GetValueOrDefault(gln) ?? throw DomainException.Precondition($"{field} {gln} is not a registered participant");

    private ChainDefinition Chain(string chainId) =>
        Chains.GetValueOrDefault(chainId) ?? throw DomainException.Precondition($"chain '{chainId}' is not defined");

    private ChainDefinition? ChainOf(BatchState? batch) => batch?.ChainId is { } id ? Chain(id) : null;
}
