using SupplyChain.Domain;
using SupplyChain.Domain.Participants;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Participants;

[Collection(GrainsCollection.Name)]
public sealed class ParticipantGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Registering_the_same_details_again_returns_the_first_registration()
    {
        var gln = Fresh.Gln();
        var grain = fixture.Client.GetGrain<IParticipantGrain>(gln.Value);

        var first = await grain.RegisterAsync(Supply.Party(gln, Role.Distributor));
        var again = await grain.RegisterAsync(Supply.Party(gln, Role.Distributor));

        Assert.Equal(first.RegisteredAt, again.RegisteredAt);
        Canonical.Same(first, again, "the second registration");
        Canonical.Same(first, await grain.GetAsync(), "the stored participant");
        Assert.Equal([Role.Distributor], first.Participant.Roles);
        Assert.Empty(first.Products);
    }

    [Fact]
    public async Task Registering_other_details_under_a_registered_gln_is_refused_and_keeps_the_first()
    {
        var gln = Fresh.Gln();
        var grain = fixture.Client.GetGrain<IParticipantGrain>(gln.Value);
        var first = await grain.RegisterAsync(Supply.Party(gln, Role.Distributor, "Hanoi Cold Store"));

        await Refusals.ExpectAsync(Refusal.AlreadyExists, () => grain.RegisterAsync(Supply.Party(gln, Role.Distributor, "Another name")), gln.Value);

        Canonical.Same(first, await grain.GetAsync(), "the stored participant");
    }

    [Fact]
    public async Task An_unregistered_participant_reads_as_null()
    {
        Assert.Null(await fixture.Client.GetGrain<IParticipantGrain>(Fresh.Gln().Value).GetAsync());
    }
}
