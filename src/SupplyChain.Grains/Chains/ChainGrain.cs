using SupplyChain.Domain;
using SupplyChain.Domain.Chains;
using SupplyChain.Grains.Participants;

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

    [Id(2)]
    public ChainLedger Ledger { get; set; } = new();
}

public sealed class ChainGrain(
    [PersistentState("chain", StorageNames.Grains)] IPersistentState<ChainState> state,
    TimeProvider clock) : Grain, IChainGrain
{
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
        if (state.State.Ledger.Apply(chain, movement))
        {
            await state.SaveAsync(DeactivateOnIdle);
        }
    }

    public Task<ChainReport> GetReportAsync()
    {
        var chain = state.State.Chain ?? throw DomainException.NotFound($"chain '{this.GetPrimaryKeyString()}' is not defined");
        return Task.FromResult(ChainReport.Of(chain, state.State.Ledger, clock.GetUtcNow()));
    }

    private ChainRecord? Record() =>
        state.State.Chain is { } chain ? new ChainRecord(chain, state.State.DefinedAt, state.State.Ledger.Batches.Count) : null;
}
