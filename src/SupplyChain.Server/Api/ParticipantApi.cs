using Grpc.Core;
using SupplyChain.Domain;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Products;
using SupplyChain.V1;

namespace SupplyChain.Server.Api;

/// <summary>gRPC ParticipantService: participants and their products.</summary>
public sealed class ParticipantApi(IGrainFactory grains) : ParticipantService.ParticipantServiceBase
{
    public override async Task<Participant> RegisterParticipant(RegisterParticipantRequest request, ServerCallContext context)
    {
        var participant = Requests.Participant(request);
        return Replies.Participant(await grains.GetGrain<IParticipantGrain>(participant.Gln.Value).RegisterAsync(participant));
    }

    public override async Task<Participant> GetParticipant(GetParticipantRequest request, ServerCallContext context)
    {
        var gln = Gln.Parse(request.Gln);
        var record = await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync() ?? throw DomainException.NotFound($"participant {gln} is not registered");
        return Replies.Participant(record);
    }

    public override async Task<Product> RegisterProduct(RegisterProductRequest request, ServerCallContext context)
    {
        var product = Requests.Product(request);
        return Replies.Product(await grains.GetGrain<IProductGrain>(product.Gtin.Value).RegisterAsync(product));
    }

    public override async Task<Product> GetProduct(GetProductRequest request, ServerCallContext context)
    {
        var gtin = Gtin.Parse(request.Gtin);
        var record = await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync() ?? throw DomainException.NotFound($"product {gtin} is not registered");
        return Replies.Product(record);
    }

    public override async Task<ListProductsResponse> ListProducts(ListProductsRequest request, ServerCallContext context)
    {
        var gln = Gln.Parse(request.ProducerGln, "producer_gln");
        var producer = await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync() ?? throw DomainException.NotFound($"participant {gln} is not registered");
        var products = await Task.WhenAll(producer.Products.Select(g => grains.GetGrain<IProductGrain>(g.Value).GetAsync()));
        var reply = new ListProductsResponse();
        reply.Products.AddRange(products.OfType<ProductRecord>().OrderBy(p => p.Product.Gtin.Value, StringComparer.Ordinal).Select(Replies.Product));
        return reply;
    }
}
