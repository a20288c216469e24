using Grpc.Core;
using SupplyChain.Domain;
using SupplyChain.Domain.Chains;
using SupplyChain.Grains.Chains;
using SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>gRPC ChainService: distribution chains and their reports.</summary>
public sealed class ChainApi(IGrainFactory grains) : ChainService.ChainServiceBase
{
    public override async Task<Chain> DefineChain(DefineChainRequest request, ServerCallContext context)
    {
        var chain = Requests.Chain(request);
        return Replies.Chain(await grains.GetGrain<IChainGrain>(chain.ChainId).DefineAsync(chain));
    }

    public override async Task<Chain> GetChain(GetChainRequest request, ServerCallContext context)
    {
        var id = ChainDefinition.ParseId(request.ChainId);
        var record = await grains.GetGrain<IChainGrain>(id).GetAsync() ?? throw DomainException.NotFound($"chain '{id}' is not defined");
        return Replies.Chain(record);
    }

    public override async Task<V1.ChainReport> GetChainReport(GetChainRequest request, ServerCallContext context)
    {
        var id = ChainDefinition.ParseId(request.ChainId);
        await Readers.CheckChainAsync(CallerClaims.Of(context), grains, id);
        return Replies.ChainReport(await grains.GetGrain<IChainGrain>(id).GetReportAsync());
    }
}
