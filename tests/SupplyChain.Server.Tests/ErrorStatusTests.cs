using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Each refusal has a precise status and a message naming what was wrong, and changes nothing.</summary>
[Collection(ServerCollection.Name)]
public sealed class ErrorStatusTests(ServerFixture fixture)
{
    [Theory]
    [InlineData("8930000000011", "gtin")]
    [InlineData("89300000", "gtin")]
    [InlineData("abc", "gtin")]
    [InlineData("", "gtin")]
    public async Task A_malformed_gtin_is_invalid_argument_naming_the_field(string gtin, string field)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = gtin, Lot = "L1" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith(field + ":", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_create_requests_name_the_field_and_store_nothing()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        var cases = new (string Field, CreateBatchRequest Request)[]
        {
            ("lot", Request(world, "LOT#1", 10, "KGM")),
            ("lot", Request(world, new string('A', 21), 10, "KGM")),
            ("quantity.unit", Request(world, lot, 10, "XYZ")),
            ("quantity.value", Request(world, lot, -5, "KGM")),
            ("quantity.value", Request(world, lot, 0, "KGM")),
            ("producer_gln", Request(world, lot, 10, "KGM") is var r1 ? WithProducer(r1, "8930000000001") : null!),
            ("event_id", Request(world, lot, 10, "KGM") is var r2 ? WithEventId(r2, "") : null!),
            ("event_id", Request(world, lot, 10, "KGM") is var r3 ? WithEventId(r3, "has space") : null!),
            ("produced_at", Request(world, lot, 10, "KGM") is var r4 ? WithTime(r4, DateTimeOffset.UtcNow.AddDays(2)) : null!),
            ("quantity.unit", Request(world, lot, 10, "LTR")),
        };
        // Signed as the world's producer, whatever producer_gln the request names.
        var producer = new BatchService.BatchServiceClient(fixture.Server.As(world.Producer, "producer"));
        foreach (var (field, request) in cases)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => producer.CreateBatchAsync(request).ResponseAsync);
            Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{field}: expected InvalidArgument, got {ex.StatusCode} {ex.Status.Detail}");
            Assert.True(ex.Status.Detail.StartsWith(field + ":", StringComparison.Ordinal), $"expected the message to name {field}: {ex.Status.Detail}");
        }

        var missing = await Assert.ThrowsAsync<RpcException>(() => world.GetAsync(lot));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains(lot, missing.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_4_MiB_is_resource_exhausted_and_one_under_it_is_read_and_judged()
    {
        RegisterParticipantRequest Named(int length) =>
            new() { Gln = Ids.Gln(), Name = new string('n', length), Roles = { Role.Distributor } };

        var over = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterParticipantAsync(Named(4 * 1024 * 1024 + 1)).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, over.StatusCode);

        var under = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.RegisterParticipantAsync(Named(3 * 1024 * 1024)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, under.StatusCode);
        Assert.Equal("name: has 3145728 characters, at most 200 are allowed", under.Status.Detail);
    }

    [Fact]
    public async Task Unknown_references_and_broken_rules_get_their_own_status()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var before = await world.GetAsync(lot);

        var notFound = await Assert.ThrowsAsync<RpcException>(() => fixture.Participants.GetParticipantAsync(new GetParticipantRequest { Gln = Ids.Gln() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);

        var stranger = await Assert.ThrowsAsync<RpcException>(() => world.ShipAsync(lot, world.Distributor, world.Retailer));
        Assert.Equal(StatusCode.PermissionDenied, stranger.StatusCode);
        Assert.Contains("only the current custodian", stranger.Status.Detail, StringComparison.Ordinal);

        var unknownReceiver = await Assert.ThrowsAsync<RpcException>(() => world.ShipAsync(lot, world.Producer, Ids.Gln()));
        Assert.Equal(StatusCode.FailedPrecondition, unknownReceiver.StatusCode);
        Assert.Contains("receiver_gln", unknownReceiver.Status.Detail, StringComparison.Ordinal);

        var twice = await Assert.ThrowsAsync<RpcException>(() => world.CreateBatchAsync(lot));
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);

        var notShipped = await Assert.ThrowsAsync<RpcException>(() => world.ReceiveAsync(lot, world.Distributor));
        Assert.Equal(StatusCode.FailedPrecondition, notShipped.StatusCode);
        Assert.Contains("not in transit", notShipped.Status.Detail, StringComparison.Ordinal);

        await world.ShipAsync(lot, world.Producer, world.Distributor);
        var again = await Assert.ThrowsAsync<RpcException>(() => world.ShipAsync(lot, world.Producer, world.Retailer));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("in transit", again.Status.Detail, StringComparison.Ordinal);

        var wrongReceiver = await Assert.ThrowsAsync<RpcException>(() => world.ReceiveAsync(lot, world.Retailer));
        Assert.Equal(StatusCode.PermissionDenied, wrongReceiver.StatusCode);

        var tooMuch = await Assert.ThrowsAsync<RpcException>(() => world.ReceiveAsync(lot, world.Distributor, 501));
        Assert.Equal(StatusCode.FailedPrecondition, tooMuch.StatusCode);
        Assert.Contains("conserved", tooMuch.Status.Detail, StringComparison.Ordinal);

        var after = await world.GetAsync(lot);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(BatchStatus.InTransit, after.Status);
    }

    [Fact]
    public async Task A_failed_food_safety_check_puts_the_batch_on_hold_and_a_held_batch_cannot_ship()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);

        var inspection = await world.CheckAsync(lot, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "moisture", Value = 12.4, Unit = "P1" });
        Assert.Equal(Verdict.Fail, inspection.Verdict);
        Assert.Equal(BatchStatus.OnHold, inspection.Batch.Status);
        Assert.Contains("inspecting", inspection.Batch.HoldReason, StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<RpcException>(() => world.ShipAsync(lot, world.Producer, world.Distributor));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("on hold", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await world.GetAsync(lot)).Version);
    }

    [Fact]
    public async Task Only_the_custodian_or_a_lab_records_checkpoints()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var ex = await Assert.ThrowsAsync<RpcException>(() => world.CheckAsync(lot, world.Distributor, CheckpointKind.Production));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        var unit = await Assert.ThrowsAsync<RpcException>(() => world.CheckAsync(lot, world.Producer, CheckpointKind.Environmental, new Measurement { Type = "nacl", Value = 95, Unit = "CEL" }));
        Assert.Equal(StatusCode.InvalidArgument, unit.StatusCode);
        Assert.StartsWith("measurements[0].unit:", unit.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await world.GetAsync(lot)).Version);
    }

    private static CreateBatchRequest Request(World world, string lot, double value, string unit) => new()
    {
        EventId = Ids.EventId(), Gtin = world.Gtin13, Lot = lot, Quantity = new Quantity { Value = value, Unit = unit }, ProducerGln = world.Producer,
    };

    private static CreateBatchRequest WithProducer(CreateBatchRequest r, string gln)
    {
        r.ProducerGln = gln;
        return r;
    }

    private static CreateBatchRequest WithEventId(CreateBatchRequest r, string id)
    {
        r.EventId = id;
        return r;
    }

    private static CreateBatchRequest WithTime(CreateBatchRequest r, DateTimeOffset at)
    {
        r.ProducedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
        return r;
    }
}
