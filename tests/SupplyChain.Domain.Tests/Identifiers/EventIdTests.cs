using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Identifiers;

public sealed class EventIdTests
{
    [Theory]
    [InlineData("e")]
    [InlineData("2025-06-01T08:00:00.123_ship-7")]
    [InlineData("urn:uuid:0b5c7f54-3d1e-4c59-9a60-1a7b35a0c3f1")]
    public void Letters_digits_and_dot_underscore_colon_dash_are_accepted(string id)
    {
        Assert.Equal(id, EventId.Parse(id));
    }

    [Fact]
    public void An_id_of_128_characters_is_accepted_and_129_refused()
    {
        Assert.Equal(128, EventId.Parse(new string('a', 128)).Length);
        Refusals.Expect(Refusal.InvalidArgument, () => EventId.Parse(new string('a', 129)), "event_id:", "has 129 characters, at most 128");
    }

    [Theory]
    [InlineData("a b")]
    [InlineData(" a")]
    [InlineData("a/b")]
    [InlineData("a~b")]
    [InlineData("é")]
    [InlineData("a\0")]
    public void Other_characters_are_refused(string id)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => EventId.Parse(id), "event_id:", "may hold only letters, digits and . _ : -");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_empty_id_is_required(string? id)
    {
        Refusals.Expect(Refusal.InvalidArgument, () => EventId.Parse(id, "id"), "id: is required");
    }

    [Fact]
    public void A_derived_id_names_its_step_and_can_never_be_chosen_by_a_client()
    {
        var derived = EventId.Derived("merge-1", "input", 3);

        Assert.Equal("merge-1~input3", derived);
        Refusals.Expect(Refusal.InvalidArgument, () => EventId.Parse(derived), "event_id:");
    }
}
