using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Effects;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Batches.Planning;
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
internal sealed class BatchWorld(DateTimeOffset start) : IBatchLookup
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

    /// <summary>Runs a command as the batch grains do, through the domain's planner: everything is checked first, then its events are stored in order.</summary>
    public void Run(object command)
    {
        foreach (var planned in BatchPlanner.Plan(command, this, Now))
        {
            Append(planned.Batch, planned.Event);
        }
    }

    /// <summary>Recalls the batch, then everything made from it; a batch an earlier recall reached is left as it is.</summary>
    public IReadOnlyList<BatchRef> Recall(RecallBatch c)
    {
        Run(c);
        var auditor = Participants[c.Auditor];
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
    public void Apply(ImportStep step) => Run(step.Command);

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
        if (state.ChainId is { } chainId && BatchEffects.Of(state, recorded).Movement is { } movement)
        {
            if (!_ledgers.TryGetValue(chainId, out var ledger))
            {
                _ledgers[chainId] = ledger = new ChainLedger();
            }

            ledger.Apply(Chains[chainId], movement);
        }
    }

    public BatchState? Batch(BatchRef batch) => State(batch);

    public Product? Product(Gtin gtin) => Products.GetValueOrDefault(gtin);

    public Participant? Participant(Gln gln) => Participants.GetValueOrDefault(gln);

    public ChainDefinition? Chain(string chainId) => Chains.GetValueOrDefault(chainId);
}
