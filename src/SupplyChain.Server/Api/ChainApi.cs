using Grpc.Core;
using SupplyChain.Application.Chains;
using SupplyChain.Domain.Chains;
using SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>gRPC ChainService: distribution chains and their reports, mapped onto the application's chain commands and queries.</summary>
public sealed class ChainApi(ChainCommands commands, ChainQueries queries) : ChainService.ChainServiceBase
{
    public override async Task<Chain> DefineChain(DefineChainRequest request, ServerCallContext context) =>
        Replies.Chain(await commands.DefineAsync(CallerClaims.Of(context), Requests.Chain(request)));

    public override async Task<Chain> GetChain(GetChainRequest request, ServerCallContext context) =>
        Replies.Chain(await queries.GetAsync(CallerClaims.Of(context), ChainDefinition.ParseId(request.ChainId)));

    public override async Task<V1.ChainReport> GetChainReport(GetChainRequest request, ServerCallContext context) =>
        Replies.ChainReport(await queries.ReportAsync(CallerClaims.Of(context), ChainDefinition.ParseId(request.ChainId)));
}
