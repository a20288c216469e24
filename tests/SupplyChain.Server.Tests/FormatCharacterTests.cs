using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Names and free text that could read differently from what they are (bidirectional controls) are refused and not stored.</summary>
[Collection(ServerCollection.Name)]
public sealed class FormatCharacterTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_participant_name_with_a_right_to_left_override_is_refused_naming_the_field_and_not_stored()
    {
        var gln = Ids.Gln();

        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Gln = gln, Name = "Saigon \u202Esdoof", Roles = { Role.Distributor },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("name: contains the invisible format character U+202E", refused.Status.Detail, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.GetParticipantAsync(new GetParticipantRequest { Gln = gln }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_product_name_with_a_zero_width_space_is_refused_and_not_stored()
    {
        var world = await new World(fixture).RegisterAsync();
        var gtin = Ids.Gtin13();

        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterProductAsync(new RegisterProductRequest
        {
            Gtin = gtin, ProducerGln = world.Producer, Name = "Sea\u200B salt", Category = "salt", Unit = "KGM",
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("name: contains the invisible format character U+200B", refused.Status.Detail, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.GetProductAsync(new GetProductRequest { Gtin = gtin }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }
}
