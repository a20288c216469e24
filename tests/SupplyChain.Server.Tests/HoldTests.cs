using Grpc.Core;
using SupplyChain.Testing;
using SupplyChain.V1;
using CommandLine = SupplyChain.Cli.Cli;

namespace SupplyChain.Server.Tests;

/// <summary>Auditors place and lift holds on batches: over gRPC with the callers' own tokens, and with the command-line client.</summary>
[Collection(ServerCollection.Name)]
public sealed class HoldTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    private static HoldRequest Hold(World world, string lot, string reason, string? auditor = null, string? eventId = null) => new()
    {
        EventId = eventId ?? Ids.EventId(), Gtin = world.Gtin, Lot = lot, AuditorGln = auditor ?? world.Auditor, Reason = reason,
    };

    [Fact]
    public async Task An_auditor_holds_a_batch_that_then_cannot_ship_and_lifts_the_hold_and_it_ships()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        var auditor = new BatchService.BatchServiceClient(Server.As(world.Auditor, "auditor"));

        // The auditor's own token, the acting party left empty: it is taken from the token.
        var held = await auditor.PlaceHoldAsync(Hold(world, lot, "lab report LR-7 pending", auditor: ""));

        Assert.Equal((BatchStatus.OnHold, 2L, false), (held.Batch.Status, held.Receipt.Version, held.Receipt.Replayed));
        Assert.Equal($"held by {world.Auditor} ({held.Receipt.EventId}): lab report LR-7 pending", held.Batch.HoldReason);
        var refused = await Assert.ThrowsAsync<RpcException>(() => world.ShipAsync(lot, world.Producer, world.Distributor));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("is on hold (held by", refused.Status.Detail, StringComparison.Ordinal);

        var lifted = await auditor.LiftHoldAsync(Hold(world, lot, "LR-7: within limits", auditor: ""));
        Assert.Equal((BatchStatus.Active, "", 3L), (lifted.Batch.Status, lifted.Batch.HoldReason, lifted.Batch.Version));
        Assert.Equal(BatchStatus.InTransit, (await world.ShipAsync(lot, world.Producer, world.Distributor)).Batch.Status);

        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal(
            [EventType.Created, EventType.HoldPlaced, EventType.HoldLifted, EventType.Shipped],
            history.Events.Select(e => e.Type).ToArray());
        Assert.Equal(("holding", world.Auditor, $"put on hold by {world.Auditor}: lab report LR-7 pending"), (history.Events[1].BizStep, history.Events[1].ActorGln, history.Events[1].Summary));
        Assert.Equal($"hold lifted by {world.Auditor}: LR-7: within limits", history.Events[2].Summary);
        var verified = await new TraceService.TraceServiceClient(Server.Channel).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot });
        Assert.True(verified.Ok);
    }

    [Fact]
    public async Task Producers_distributors_and_parties_that_are_not_registered_auditors_are_denied_and_change_nothing()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        var before = await world.GetAsync(lot);

        async Task DeniedAsync(CallInvoker token, Func<BatchService.BatchServiceClient, AsyncUnaryCall<BatchEventResponse>> call, string mention)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => call(new BatchService.BatchServiceClient(token)).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.Contains(mention, refused.Status.Detail, StringComparison.Ordinal);
        }

        await DeniedAsync(Server.As(world.Producer, "producer"), c => c.PlaceHoldAsync(Hold(world, lot, "mine", auditor: "")), "placing or lifting a hold needs the role auditor");
        await DeniedAsync(Server.As(world.Distributor, "distributor"), c => c.PlaceHoldAsync(Hold(world, lot, "theirs", auditor: "")), "needs the role auditor");
        // A token naming another auditor than itself does not act for it.
        await DeniedAsync(Server.As(world.Producer, "auditor"), c => c.PlaceHoldAsync(Hold(world, lot, "in another's name")), "auditor_gln");
        // The token says auditor, but the registered participant is a producer.
        await DeniedAsync(Server.As(world.Producer, "auditor"), c => c.PlaceHoldAsync(Hold(world, lot, "self-made auditor", auditor: world.Producer)), "is not an auditor");

        var after = await world.GetAsync(lot);
        Assert.Equal((BatchStatus.Active, before.Version, before.HeadHash), (after.Status, after.Version, after.HeadHash));

        await fixture.Batches.PlaceHoldAsync(Hold(world, lot, "pending review"));
        var held = await world.GetAsync(lot);
        await DeniedAsync(Server.As(world.Distributor, "distributor"), c => c.LiftHoldAsync(Hold(world, lot, "let it go", auditor: "")), "needs the role auditor");
        await DeniedAsync(Server.As(world.Lab, "lab"), c => c.LiftHoldAsync(Hold(world, lot, "let it go", auditor: "")), "needs the role auditor");
        var still = await world.GetAsync(lot);
        Assert.Equal((BatchStatus.OnHold, held.Version, held.HeadHash), (still.Status, still.Version, still.HeadHash));
    }

    [Fact]
    public async Task Holds_follow_the_batch_s_status_and_a_failed_check_s_hold_is_lifted_too()
    {
        var world = await new World(fixture).RegisterAsync();
        var (active, moving, failed) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(active, 100);
        await world.CreateBatchAsync(moving, 100);
        await world.CreateBatchAsync(failed, 100);
        await world.ShipAsync(moving, world.Producer, world.Distributor);
        await world.CheckAsync(failed, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 80, Unit = "P1" });

        async Task<RpcException> RefusedAsync(Func<AsyncUnaryCall<BatchEventResponse>> call) =>
            await Assert.ThrowsAsync<RpcException>(() => call().ResponseAsync);

        var notHeld = await RefusedAsync(() => fixture.Batches.LiftHoldAsync(Hold(world, active, "nothing to lift")));
        Assert.Equal(StatusCode.FailedPrecondition, notHeld.StatusCode);
        Assert.Contains("is not on hold (it is active)", notHeld.Status.Detail, StringComparison.Ordinal);

        var inTransit = await RefusedAsync(() => fixture.Batches.PlaceHoldAsync(Hold(world, moving, "stop the truck")));
        Assert.Equal(StatusCode.FailedPrecondition, inTransit.StatusCode);
        Assert.Contains($"in transit to {world.Distributor}", inTransit.Status.Detail, StringComparison.Ordinal);

        var twice = await RefusedAsync(() => fixture.Batches.PlaceHoldAsync(Hold(world, failed, "again")));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
        Assert.Contains("already on hold (failed inspecting check", twice.Status.Detail, StringComparison.Ordinal);

        var missing = await RefusedAsync(() => fixture.Batches.PlaceHoldAsync(Hold(world, Ids.Lot(), "who?")));
        var noReason = await RefusedAsync(() => fixture.Batches.PlaceHoldAsync(Hold(world, active, " ")));
        var unknownAuditor = await RefusedAsync(() => new BatchService.BatchServiceClient(Server.As(Ids.Gln(), "auditor")).PlaceHoldAsync(Hold(world, active, "unregistered", auditor: "")));
        Assert.Equal(
            [StatusCode.NotFound, StatusCode.InvalidArgument, StatusCode.FailedPrecondition],
            new[] { missing, noReason, unknownAuditor }.Select(e => e.StatusCode).ToArray());
        Assert.Contains("reason", noReason.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("not a registered participant", unknownAuditor.Status.Detail, StringComparison.Ordinal);

        var lifted = await fixture.Batches.LiftHoldAsync(Hold(world, failed, "resampled: nacl 93%"));
        Assert.Equal((BatchStatus.Active, 1), (lifted.Batch.Status, lifted.Batch.FailedCheckpoints));
        Assert.Equal(BatchStatus.InTransit, (await world.ShipAsync(failed, world.Producer, world.Distributor)).Batch.Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_event_id_replays_and_other_content_under_it_is_refused()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        var request = Hold(world, lot, "pending review");

        var first = await fixture.Batches.PlaceHoldAsync(request);
        var again = await fixture.Batches.PlaceHoldAsync(request);

        Assert.True(again.Receipt.Replayed);
        Assert.Equal((first.Receipt.Version, first.Receipt.Hash, first.Receipt.RecordedAt), (again.Receipt.Version, again.Receipt.Hash, again.Receipt.RecordedAt));
        var other = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.PlaceHoldAsync(Hold(world, lot, "other words", eventId: request.EventId)).ResponseAsync);
        var lift = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.LiftHoldAsync(request).ResponseAsync);
        Assert.Equal([StatusCode.AlreadyExists, StatusCode.AlreadyExists], new[] { other.StatusCode, lift.StatusCode });
        Assert.Contains("for other content", lift.Status.Detail, StringComparison.Ordinal);

        // Once lifted, the hold's retry still answers with what was stored and appends nothing.
        var release = Hold(world, lot, "cleared");
        await fixture.Batches.LiftHoldAsync(release);
        var late = await fixture.Batches.PlaceHoldAsync(request);
        var replayedLift = await fixture.Batches.LiftHoldAsync(release);
        Assert.Equal((true, first.Receipt.Hash, true), (late.Receipt.Replayed, late.Receipt.Hash, replayedLift.Receipt.Replayed));
        Assert.Equal((BatchStatus.Active, 3L), ((await world.GetAsync(lot)).Status, (await world.GetAsync(lot)).Version));
    }

    [Fact]
    public async Task An_auditor_holds_and_releases_with_the_command_line_client()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);

        var held = await RunAsync(0, "hold", world.Gtin13, lot, "--auditor", world.Auditor, "--reason", "lab report LR-7 pending", "--event-id", "cli-hold-" + lot);
        Assert.Contains("on-hold", held, StringComparison.Ordinal);
        Assert.Contains("lab report LR-7 pending", held, StringComparison.Ordinal);
        Assert.Equal(BatchStatus.OnHold, (await world.GetAsync(lot)).Status);

        var retried = await RunAsync(0, "hold", world.Gtin13, lot, "--auditor", world.Auditor, "--reason", "lab report LR-7 pending", "--event-id", "cli-hold-" + lot);
        Assert.Contains("replayed", retried, StringComparison.Ordinal);
        Assert.Contains("yes: stored by an earlier call", retried, StringComparison.Ordinal);

        var released = await RunAsync(0, "release", world.Gtin13, lot, "--auditor", world.Auditor, "--reason", "LR-7 clear");
        Assert.Contains("event id cli-", released, StringComparison.Ordinal);
        Assert.Equal(BatchStatus.Active, (await world.GetAsync(lot)).Status);

        var nothing = await RunAsync(4, "release", world.Gtin13, lot, "--auditor", world.Auditor, "--reason", "again");
        Assert.Contains("is not on hold", nothing, StringComparison.Ordinal);
        await RunAsync(6, "hold", world.Gtin13, lot, "--auditor", world.Producer, "--reason", "not mine to hold");
        await RunAsync(64, "hold", world.Gtin13, lot, "--auditor", world.Auditor);
        Assert.Contains("hold GTIN LOT --reason TEXT", await RunAsync(0, "help", "hold"), StringComparison.Ordinal);
        Assert.Equal(3L, (await world.GetAsync(lot)).Version);
    }

    private async Task<string> RunAsync(int expectedExit, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(["--server", $"http://127.0.0.1:{fixture.Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile, .. args], stdout, stderr);
        var output = stdout.ToString() + stderr;
        Assert.True(exit == expectedExit, $"'{string.Join(' ', args)}' exited {exit}, expected {expectedExit}:\n{output}");
        return output;
    }
}
