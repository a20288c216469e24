using SupplyChain.Abstractions.Products;
using SupplyChain.Domain;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;

namespace SupplyChain.Grains.Products;

/// <summary>Stored state of a product.</summary>
[GenerateSerializer]
[Alias("SupplyChain.ProductState")]
public sealed class ProductState
{
    [Id(0)]
    public ProductRecord? Record { get; set; }
}

public sealed class ProductGrain(
    [PersistentState("product", StorageNames.Grains)] IPersistentState<ProductState> state,
    TimeProvider clock) : Grain, IProductGrain
{
    public async Task<ProductRecord> RegisterAsync(Product product)
    {
        var producer = GrainFactory.GetGrain<IParticipantGrain>(product.ProducerGln.Value);
        if (state.State.Record is { } existing)
        {
            if (!existing.Product.SameAs(product))
            {
                throw DomainException.Exists($"product {product.Gtin} is already registered with other details");
            }

            // A retry also finishes a registration whose update of the producer's list failed.
            await producer.AddProductAsync(product.Gtin);
            return existing;
        }

        var record = await producer.GetAsync()
            ?? throw DomainException.Precondition($"producer {product.ProducerGln} is not a registered participant");
        if (!record.Participant.Has(Role.Producer) && !record.Participant.Has(Role.Processor))
        {
            throw DomainException.Precondition($"participant {product.ProducerGln} is not a producer or processor");
        }

        state.State.Record = new ProductRecord(product, clock.GetUtcNow());
        await state.SaveAsync(DeactivateOnIdle);
        await producer.AddProductAsync(product.Gtin);
        return state.State.Record;
    }

    public Task<ProductRecord?> GetAsync() => Task.FromResult(state.State.Record);
}
