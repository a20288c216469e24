using Grpc.Core;
using SupplyChain.Application.Participants;
using SupplyChain.Domain.Identifiers;
using SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>gRPC ParticipantService: participants and their products, mapped onto the application's registry.</summary>
public sealed class ParticipantApi(ParticipantCommands commands, ParticipantQueries queries) : ParticipantService.ParticipantServiceBase
{
    public override async Task<Participant> RegisterParticipant(RegisterParticipantRequest request, ServerCallContext context) =>
        Replies.Participant(await commands.RegisterAsync(CallerClaims.Of(context), Requests.Participant(request)));

    public override async Task<Participant> GetParticipant(GetParticipantRequest request, ServerCallContext context) =>
        Replies.Participant(await queries.GetAsync(CallerClaims.Of(context), Gln.Parse(request.Gln)));

    public override async Task<Product> RegisterProduct(RegisterProductRequest request, ServerCallContext context) =>
        Replies.Product(await commands.RegisterProductAsync(CallerClaims.Of(context), Requests.Product(request)));

    public override async Task<Product> GetProduct(GetProductRequest request, ServerCallContext context) =>
        Replies.Product(await queries.GetProductAsync(CallerClaims.Of(context), Gtin.Parse(request.Gtin)));

    public override async Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context)
    {
        var products = await queries.ListProductsAsync(CallerClaims.Of(context), Gln.Parse(request.ProducerGln, "producer_gln"));
        var reply = new ListProductsResponse();
        reply.Products.AddRange(products.Select(Replies.Product));
        return reply;
    }
}
