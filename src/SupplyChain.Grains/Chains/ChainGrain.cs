using SupplyChain.Abstractions.Chains;
using SupplyChain.Domain;
using SupplyChain.Domain.Chains;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Chains;

/// <summary>Stored state of a chain.</summary>
[GenerateSerializer]
[Alias("SupplyChain.ChainState")]
public sealed class ChainState
{
    [Id(0)]
    public ChainDefinition? Chain { get; set; }

    [Id(1)]
    public DateTimeOffset DefinedAt { get; set; }

    /// <summary>The ledger as earlier versions kept it here; moved to the ledger table when the chain activates.</summary>
    [Id(2)]
    public ChainLedger Ledger { get; set; } = new();
}

/// <summary>A chain's definition in the grain state; its ledger in <see cref="ChainLedgerStore"/>, a row per batch.</summary>
public sealed class ChainGrain(
    [PersistentState("chain", StorageNames.Grains)] IPersistentState<ChainState> state,
    ChainLedgerStore ledgers,
    TimeProvider clock) : Grain, IChainGrain
{
    private ChainLedger _ledger = new();
    private long _violationRows;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Chain is null)
        {
            return;
        }

        var id = this.GetPrimaryKeyString();
        var legacy = state.State.Ledger;
        if (legacy.Batches.Count > 0 || legacy.Times.Count > 0 || legacy.Violations.Count > 0)
        {
            await ledgers.WriteAllAsync(id, legacy, cancellationToken);
            state.State.Ledger = new ChainLedger();
            await state.WriteStateAsync(cancellationToken);
        }

        (_ledger, _violationRows) = await ledgers.ReadAsync(id, cancellationToken);
    }

    public async Task<ChainRecord> DefineAsync(ChainDefinition chain)
    {
        if (state.State.Chain is { } existing)
        {
            return existing.SameAs(chain)
                ? Record()!
                : throw DomainException.Exists($"chain '{chain.ChainId}' is already defined differently");
        }

        var glns = chain.Stages.SelectMany(s => s.Participants).Distinct().ToList();
        var found = await Task.WhenAll(glns.Select(g => GrainFactory.GetGrain<IParticipantGrain>(g.Value).GetAsync()));
        var unknown = glns.Where((_, i) => found[i] is null).ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.Precondition($"stage participants are not registered: {string.Join(", ", unknown)}");
        }

        state.State.Chain = chain;
        state.State.DefinedAt = clock.GetUtcNow();
        await state.SaveAsync(DeactivateOnIdle);
        return Record()!;
    }

    public Task<ChainRecord?> GetAsync() => Task.FromResult(Record());

    public async Task RecordAsync(ChainMovement movement)
    {
        var chain = state.State.Chain ?? throw DomainException.NotFound($"chain '{this.GetPrimaryKeyString()}' is not defined");
        if (_ledger.Apply(chain, movement) is not { } change)
        {
            return;
        }

        // Memory is ahead of storage until the write lands: on failure the next activation reads what is stored, and
        // the batch's retry applies the movement again.
        _violationRows = await ledgers.WriteAsync(this.GetPrimaryKeyString(), _ledger, change, _violationRows).OrDeactivateAsync(DeactivateOnIdle);
    }

    public Task<ChainReport> GetReportAsync()
    {
        var chain = state.State.Chain ?? throw DomainException.NotFound($"chain '{this.GetPrimaryKeyString()}' is not defined");
        return Task.FromResult(ChainReport.Of(chain, _ledger, clock.GetUtcNow()));
    }

    private ChainRecord? Record() =>
        state.State.Chain is { } chain ? new ChainRecord(chain, state.State.DefinedAt, _ledger.Batches.Count) : null;
}
