using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>A retried write returns the first result and appends nothing; a reused id with other content is refused.</summary>
[Collection(ServerCollection.Name)]
public sealed class IdempotencyTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_same_request_twice_returns_the_first_receipt()
    {
        var world = await new World(fixture).RegisterAsync();
        var request = new CreateBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin13, Lot = Ids.Lot(), Quantity = new Quantity { Value = 200, Unit = "KGM" }, ProducerGln = world.Producer,
        };
        var first = await fixture.Batches.CreateBatchAsync(request);
        var second = await fixture.Batches.CreateBatchAsync(request);
        Assert.False(first.Receipt.Replayed);
        Assert.True(second.Receipt.Replayed);
        Assert.Equal(first.Receipt.Hash, second.Receipt.Hash);
        Assert.Equal(first.Receipt.Version, second.Receipt.Version);
        Assert.Equal(first.Receipt.RecordedAt, second.Receipt.RecordedAt);
        Assert.Equal(1, (await world.GetAsync(request.Lot)).Version);
    }

    [Fact]
    public async Task A_retried_ship_after_it_happened_is_answered_not_refused()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var ship = new ShipBatchRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Producer, ReceiverGln = world.Distributor };
        var first = await fixture.Batches.ShipBatchAsync(ship);
        var retry = await fixture.Batches.ShipBatchAsync(ship);
        Assert.True(retry.Receipt.Replayed);
        Assert.Equal(first.Receipt.Hash, retry.Receipt.Hash);
        Assert.Equal(2, (await world.GetAsync(lot)).Version);
    }

    [Fact]
    public async Task Reusing_an_event_id_for_other_content_is_already_exists_and_changes_nothing()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var check = new RecordCheckpointRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Producer, Kind = CheckpointKind.Production, Step = "packing",
            Measurements = { new Measurement { Type = "moisture", Value = 5, Unit = "P1" } },
        };
        await fixture.Batches.RecordCheckpointAsync(check);
        var before = await world.GetAsync(lot);
        check.Measurements[0].Value = 6;
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.RecordCheckpointAsync(check).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Contains(check.EventId, ex.Status.Detail, StringComparison.Ordinal);
        var after = await world.GetAsync(lot);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.HeadHash, after.HeadHash);
    }

    [Fact]
    public async Task Registering_the_same_participant_twice_is_a_no_op_and_other_details_already_exist()
    {
        var gln = Ids.Gln();
        var request = new RegisterParticipantRequest { Gln = gln, Name = "Hoa Binh honey household", Roles = { Role.Producer }, Kind = ProducerKind.Household };
        var first = await fixture.Participants.RegisterParticipantAsync(request);
        var second = await fixture.Participants.RegisterParticipantAsync(request);
        Assert.Equal(first.RegisteredAt, second.RegisteredAt);
        request.Name = "Another name";
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterParticipantAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Equal("Hoa Binh honey household", (await fixture.Participants.GetParticipantAsync(new GetParticipantRequest { Gln = gln })).Name);
    }
}
