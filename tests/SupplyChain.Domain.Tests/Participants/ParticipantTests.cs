using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Participants;

public sealed class ParticipantTests
{
    [Fact]
    public void Roles_are_deduplicated_and_ordered_and_text_trimmed()
    {
        var p = Participant.Create(
            Sample.Producer, " HTX Chè Cao Bồ ", [Role.Processor, Role.Producer, Role.Processor], " Hà Giang ", "Vị Xuyên", null, ProducerKind.Cooperative);

        Assert.Equal([Role.Producer, Role.Processor], p.Roles);
        Assert.Equal("HTX Chè Cao Bồ", p.Name);
        Assert.Equal("Hà Giang", p.Province);
        Assert.Equal("", p.Commune);
        Assert.Equal(ProducerKind.Cooperative, p.Kind);
        Assert.True(p.Has(Role.Processor));
        Assert.False(p.Has(Role.Lab));
    }

    [Fact]
    public void At_least_one_role_is_required()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Producer, "n", [], null, null, null, ProducerKind.None), "roles:", "at least one role");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void Unknown_roles_are_refused(int role)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Producer, "n", [Role.Producer, (Role)role], null, null, null, ProducerKind.None), "roles:", "unknown role");
    }

    [Fact]
    public void A_name_or_place_with_a_bidirectional_override_is_refused_naming_the_field()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Producer, "Saigon \u202Esdoof", [Role.Producer], null, null, null, ProducerKind.None), "name: contains the invisible format character U+202E");
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Producer, "Saigon Foods", [Role.Producer], "Bac\u2066 Lieu", null, null, ProducerKind.None), "province: contains the invisible format character U+2066");
    }

    [Fact]
    public void Unknown_producer_kinds_are_refused()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Producer, "n", [Role.Producer], null, null, null, (ProducerKind)9), "kind:", "not a known producer kind");
    }

    [Theory]
    [InlineData(ProducerKind.Cooperative)]
    [InlineData(ProducerKind.Enterprise)]
    [InlineData(ProducerKind.Household)]
    public void Only_producers_have_a_producer_kind(ProducerKind kind)
    {
        Assert.Equal(kind, Participant.Create(Sample.Producer, "n", [Role.Producer], null, null, null, kind).Kind);
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Lab, "n", [Role.Lab], null, null, null, kind), "kind:", "only producers have a producer kind");
    }

    [Fact]
    public void Name_is_required_and_places_are_bounded()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Lab, " ", [Role.Lab], null, null, null, ProducerKind.None), "name: is required");
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Lab, "n", [Role.Lab], new string('p', 101), null, null, ProducerKind.None), "province:", "at most 100");
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Lab, "n", [Role.Lab], null, new string('d', 101), null, ProducerKind.None), "district:");
        Refusals.Expect(Refusal.InvalidArgument, () => Participant.Create(Sample.Lab, "n", [Role.Lab], null, null, "c\nd", ProducerKind.None), "commune:", "control characters");
    }

    [Fact]
    public void The_same_registration_in_another_role_order_is_the_same()
    {
        var a = Participant.Create(Sample.Distributor, "Kho lạnh", [Role.Retailer, Role.Distributor], "Hà Nội", "", "", ProducerKind.None);
        var b = Participant.Create(Sample.Distributor, "Kho lạnh ", [Role.Distributor, Role.Retailer, Role.Retailer], " Hà Nội", null, null, ProducerKind.None);

        Assert.True(a.SameAs(b));
        Assert.False(a.SameAs(b with { Name = "Other" }));
        Assert.False(a.SameAs(b with { Roles = [Role.Distributor] }));
        Assert.False(a.SameAs(b with { Gln = Sample.Retailer }));
    }
}
