using SupplyChain.Domain.Access;
using SupplyChain.Domain.Chains;
using SupplyChain.Abstractions.Chains;

namespace SupplyChain.Application.Chains;

/// <summary>Defines distribution chains: an administrator's act.</summary>
public sealed class ChainCommands(IGrainFactory grains)
{
    public Task<ChainRecord> DefineAsync(Caller caller, ChainDefinition chain)
    {
        Rulebook.Permit(caller, Act.DefineChain);
        return grains.GetGrain<IChainGrain>(chain.ChainId).DefineAsync(chain);
    }
}
