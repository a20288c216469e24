using SupplyChain.Domain.Access;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Abstractions.Products;

namespace SupplyChain.Application.Participants;

/// <summary>Registers participants (an administrator's act) and products (their producer's).</summary>
public sealed class ParticipantCommands(IGrainFactory grains)
{
    public Task<ParticipantRecord> RegisterAsync(Caller caller, Participant participant)
    {
        Rulebook.Permit(caller, Act.RegisterParticipant);
        return grains.GetGrain<IParticipantGrain>(participant.Gln.Value).RegisterAsync(participant);
    }

    public Task<ProductRecord> RegisterProductAsync(Caller caller, Product product)
    {
        Rulebook.Acting(caller, Act.RegisterProduct, "producer_gln", product.ProducerGln.Value);
        return grains.GetGrain<IProductGrain>(product.Gtin.Value).RegisterAsync(product);
    }
}
