using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Chains;
using SupplyChain.Abstractions.Chains;

namespace SupplyChain.Application.Chains;

/// <summary>A chain's definition (for every caller) and its report (for its stages' participants and auditors).</summary>
public sealed class ChainQueries(IGrainFactory grains)
{
    public async Task<ChainRecord> GetAsync(Caller caller, string chainId)
    {
        Registry.Require(caller);
        return await grains.GetGrain<IChainGrain>(chainId).GetAsync() ?? throw DomainException.NotFound($"chain '{chainId}' is not defined");
    }

    public async Task<ChainReport> ReportAsync(Caller caller, string chainId)
    {
        await Readers.CheckChainAsync(caller, grains, chainId);
        return await grains.GetGrain<IChainGrain>(chainId).GetReportAsync();
    }
}
