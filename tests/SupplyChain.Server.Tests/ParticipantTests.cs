using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Participants and their products, read back as registered.</summary>
[Collection(ServerCollection.Name)]
public sealed class ParticipantTests(ServerFixture fixture)
{
    [Fact]
    public async Task Products_are_read_back_by_any_gtin_length_and_listed_by_producer()
    {
        var world = await new World(fixture).RegisterAsync();
        var second = Ids.Gtin13();
        await fixture.Participants.RegisterProductAsync(new RegisterProductRequest
        {
            Gtin = second, ProducerGln = world.Producer, Name = "Salt flower 500 g", Category = "Salt", Unit = "grm", OcopStars = 4, OcopPendingStars = 5,
            OcopCertificate = "OCOP-BL-2024-018", OcopCertifiedOn = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc)),
        });

        var product = await fixture.Participants.GetProductAsync(new GetProductRequest { Gtin = Ids.Gtin14(second) });
        Assert.Equal(Ids.Gtin14(second), product.Gtin);
        Assert.Equal("salt", product.Category);
        Assert.Equal("GRM", product.Unit);
        Assert.Equal(5, product.OcopPendingStars);
        Assert.Equal(new DateTime(2024, 5, 1), product.OcopCertifiedOn.ToDateTime().Date);
        Assert.Equal($"01/{Ids.Gtin14(second)}", product.DigitalLink);

        var listed = await fixture.Participants.ListProductsAsync(new ListProductsRequest { ProducerGln = world.Producer });
        Assert.Equal(new[] { world.Gtin, Ids.Gtin14(second) }.Order(StringComparer.Ordinal), listed.Products.Select(p => p.Gtin));
        var producer = await fixture.Participants.GetParticipantAsync(new GetParticipantRequest { Gln = world.Producer });
        Assert.Equal([Role.Producer], producer.Roles.ToArray());
        Assert.Equal(ProducerKind.Cooperative, producer.Kind);
        Assert.Equal("Long Dien Dong", producer.Commune);
        Assert.Equal(2, producer.ProductGtins.Count);
    }

    [Fact]
    public async Task Bad_registrations_name_what_is_wrong()
    {
        var world = await new World(fixture).RegisterAsync();
        var cases = new (string Field, StatusCode Code, RegisterProductRequest Request)[]
        {
            ("ocop_stars", StatusCode.InvalidArgument, new() { Gtin = Ids.Gtin13(), ProducerGln = world.Producer, Name = "x", Category = "salt", Unit = "KGM", OcopStars = 2 }),
            ("ocop_certificate", StatusCode.InvalidArgument, new() { Gtin = Ids.Gtin13(), ProducerGln = world.Producer, Name = "x", Category = "salt", Unit = "KGM", OcopStars = 3 }),
            ("unit", StatusCode.InvalidArgument, new() { Gtin = Ids.Gtin13(), ProducerGln = world.Producer, Name = "x", Category = "salt", Unit = "BAG" }),
            ("limits[0]", StatusCode.InvalidArgument, new() { Gtin = Ids.Gtin13(), ProducerGln = world.Producer, Name = "x", Category = "salt", Unit = "KGM", Limits = { new Limit { Type = "ph", Unit = "PH" } } }),
            ("producer", StatusCode.FailedPrecondition, new() { Gtin = Ids.Gtin13(), ProducerGln = Ids.Gln(), Name = "x", Category = "salt", Unit = "KGM" }),
            ("participant", StatusCode.FailedPrecondition, new() { Gtin = Ids.Gtin13(), ProducerGln = world.Distributor, Name = "x", Category = "salt", Unit = "KGM" }),
        };
        foreach (var (field, code, request) in cases)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterProductAsync(request).ResponseAsync);
            Assert.True(ex.StatusCode == code, $"{field}: expected {code}, got {ex.StatusCode} {ex.Status.Detail}");
            Assert.True(ex.Status.Detail.StartsWith(field, StringComparison.Ordinal), $"expected the message to start with {field}: {ex.Status.Detail}");
            var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.GetProductAsync(new GetProductRequest { Gtin = request.Gtin }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        }

        var noRole = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = Ids.Gln(), Name = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noRole.StatusCode);
        Assert.StartsWith("roles:", noRole.Status.Detail, StringComparison.Ordinal);
    }
}
