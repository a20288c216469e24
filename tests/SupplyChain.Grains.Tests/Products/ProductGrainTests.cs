using SupplyChain.Domain;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Abstractions.Products;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Products;

[Collection(GrainsCollection.Name)]
public sealed class ProductGrainTests(ClusterFixture fixture)
{
    private static Product Tea(Domain.Identifiers.Gln producer, string name = "Shan tuyet tea") =>
        Product.Create(Fresh.Gtin(), producer, name, "tea", "KGM", new OcopRating(4, "OCOP-HG-2024-017", null, 0), [Supply.Moisture]);

    [Fact]
    public async Task A_registered_product_joins_its_producers_list_once()
    {
        var producer = Fresh.Gln();
        await fixture.Client.GetGrain<IParticipantGrain>(producer.Value).RegisterAsync(Supply.Party(producer, Role.Producer));
        var tea = Tea(producer);
        var grain = fixture.Client.GetGrain<IProductGrain>(tea.Gtin.Value);

        var first = await grain.RegisterAsync(tea);
        var again = await grain.RegisterAsync(tea with { Limits = [.. tea.Limits] });

        Assert.Equal(first.RegisteredAt, again.RegisteredAt);
        Canonical.Same(first, await grain.GetAsync(), "the stored product");
        var record = await fixture.Client.GetGrain<IParticipantGrain>(producer.Value).GetAsync();
        Assert.NotNull(record);
        Assert.Equal([tea.Gtin], record.Products);
    }

    [Fact]
    public async Task A_second_product_is_added_after_the_first()
    {
        var producer = Fresh.Gln();
        await fixture.Client.GetGrain<IParticipantGrain>(producer.Value).RegisterAsync(Supply.Party(producer, Role.Producer));
        var tea = Tea(producer);
        var honey = Tea(producer, "Honey");

        await fixture.Client.GetGrain<IProductGrain>(tea.Gtin.Value).RegisterAsync(tea);
        await fixture.Client.GetGrain<IProductGrain>(honey.Gtin.Value).RegisterAsync(honey);

        var record = await fixture.Client.GetGrain<IParticipantGrain>(producer.Value).GetAsync();
        Assert.NotNull(record);
        Assert.Equal([tea.Gtin, honey.Gtin], record.Products);
    }

    [Fact]
    public async Task Registering_other_details_under_a_registered_gtin_is_refused()
    {
        var producer = Fresh.Gln();
        await fixture.Client.GetGrain<IParticipantGrain>(producer.Value).RegisterAsync(Supply.Party(producer, Role.Producer));
        var tea = Tea(producer);
        var grain = fixture.Client.GetGrain<IProductGrain>(tea.Gtin.Value);
        var first = await grain.RegisterAsync(tea);

        await Refusals.ExpectAsync(Refusal.AlreadyExists, () => grain.RegisterAsync(tea with { Name = "Green tea" }), tea.Gtin.Value);

        Canonical.Same(first, await grain.GetAsync(), "the stored product");
    }

    [Fact]
    public async Task A_product_of_an_unregistered_producer_is_refused()
    {
        var producer = Fresh.Gln();
        var tea = Tea(producer);
        var grain = fixture.Client.GetGrain<IProductGrain>(tea.Gtin.Value);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => grain.RegisterAsync(tea), producer.Value);

        Assert.Null(await grain.GetAsync());
        Assert.Null(await fixture.Client.GetGrain<IParticipantGrain>(producer.Value).GetAsync());
    }

    [Fact]
    public async Task A_product_of_a_participant_who_does_not_produce_is_refused()
    {
        var distributor = Fresh.Gln();
        await fixture.Client.GetGrain<IParticipantGrain>(distributor.Value).RegisterAsync(Supply.Party(distributor, Role.Distributor));
        var tea = Tea(distributor);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => fixture.Client.GetGrain<IProductGrain>(tea.Gtin.Value).RegisterAsync(tea), distributor.Value, "not a producer");

        var record = await fixture.Client.GetGrain<IParticipantGrain>(distributor.Value).GetAsync();
        Assert.NotNull(record);
        Assert.Empty(record.Products);
    }
}
