using Google.Protobuf.WellKnownTypes;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Builds a small supply chain through the public API: a producer, a product, a distributor, a retailer, a lab.</summary>
public sealed class World(ServerFixture fixture)
{
    public string Producer { get; } = Ids.Gln();

    public string Distributor { get; } = Ids.Gln();

    public string Retailer { get; } = Ids.Gln();

    public string Lab { get; } = Ids.Gln();

    public string Auditor { get; } = Ids.Gln();

    public string Gtin13 { get; } = Ids.Gtin13();

    public string Gtin => Ids.Gtin14(Gtin13);

    public async Task<World> RegisterAsync()
    {
        var p = fixture.Participants;
        await p.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Gln = Producer, Name = "Dong Hai salt cooperative", Roles = { Role.Producer }, Province = "Bac Lieu", District = "Dong Hai", Commune = "Long Dien Dong", Kind = ProducerKind.Cooperative,
        });
        await p.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = Distributor, Name = "Saigon distributor", Roles = { Role.Distributor }, Province = "Ho Chi Minh City" });
        await p.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = Retailer, Name = "Supermarket", Roles = { Role.Retailer }, Province = "Ho Chi Minh City" });
        await p.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = Lab, Name = "Food safety lab", Roles = { Role.Lab }, Province = "Bac Lieu" });
        await p.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = Auditor, Name = "Province food safety authority", Roles = { Role.Auditor }, Province = "Bac Lieu" });
        await p.RegisterProductAsync(new RegisterProductRequest
        {
            Gtin = Gtin13, ProducerGln = Producer, Name = "Bac Lieu sea salt", Category = "salt", Unit = "KGM", OcopStars = 4, OcopCertificate = "OCOP-BL-2024-017",
            Limits = { new Limit { Type = "nacl", Min = 90, Unit = "P1" }, new Limit { Type = "moisture", Max = 10, Unit = "P1" } },
        });
        return this;
    }

    public async Task<BatchEventResponse> CreateBatchAsync(string lot, double kilograms = 500, string? chainId = null) =>
        await fixture.Batches.CreateBatchAsync(new CreateBatchRequest
        {
            EventId = Ids.EventId(), Gtin = Gtin13, Lot = lot, Quantity = new Quantity { Value = kilograms, Unit = "KGM" }, ProducerGln = Producer,
            ProducedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-3)), ChainId = chainId ?? "",
        });

    public Task<BatchEventResponse> ShipAsync(string lot, string from, string to) =>
        fixture.Batches.ShipBatchAsync(new ShipBatchRequest { EventId = Ids.EventId(), Gtin = Gtin, Lot = lot, ActorGln = from, ReceiverGln = to }).ResponseAsync;

    public Task<BatchEventResponse> ReceiveAsync(string lot, string actor, double? kilograms = null, params Measurement[] readings)
    {
        var request = new ReceiveBatchRequest { EventId = Ids.EventId(), Gtin = Gtin, Lot = lot, ActorGln = actor, Decision = ReceiveDecision.Accept, Measurements = { readings } };
        if (kilograms is { } kg)
        {
            request.QuantityReceived = new Quantity { Value = kg, Unit = "KGM" };
        }

        return fixture.Batches.ReceiveBatchAsync(request).ResponseAsync;
    }

    public Task<BatchEventResponse> CheckAsync(string lot, string actor, CheckpointKind kind, params Measurement[] readings) =>
        fixture.Batches.RecordCheckpointAsync(new RecordCheckpointRequest
        {
            EventId = Ids.EventId(), Gtin = Gtin, Lot = lot, ActorGln = actor, Kind = kind, Step = kind == CheckpointKind.FoodSafety ? "inspecting" : "drying", Measurements = { readings },
        }).ResponseAsync;

    public Task<Batch> GetAsync(string lot) => fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = Gtin, Lot = lot }).ResponseAsync;
}
