using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Stored alerts: a listener that left resumes where it stopped, and a participant reads and acknowledges what it missed.</summary>
[Collection(ServerCollection.Name)]
public sealed class AlertLogTests(ServerFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private TraceService.TraceServiceClient Traces => new(fixture.Server.Channel);

    private AlertService.AlertServiceClient Alerts => new(fixture.Server.Channel);

    [Fact]
    public async Task A_listener_disconnected_during_a_recall_resumes_and_gets_every_alert_exactly_once()
    {
        var (world, root, parts) = await RecallableAsync();
        var received = new List<Alert>();
        using (var first = await WatchAsync(world.Producer, resumeAfter: 0))
        {
            await world.CheckAsync(parts[0], world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 80, Unit = "P1" });
            received.AddRange(await ReadAsync(first, 2));

            // The recall starts while the listener is connected; the listener leaves before it ends.
            var recall = new Lineage(fixture, world).RecallAsync(root, reason: "sodium below label claim");
            first.Dispose();
            await recall;
        }

        using var second = await WatchAsync(world.Producer, resumeAfter: received[^1].Id);
        received.AddRange(await ReadAsync(second, 4));

        // Then live again, on the same stream: the next alerts follow with the next ids.
        var later = Ids.Lot();
        await world.CreateBatchAsync(later, 50);
        await world.CheckAsync(later, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 70, Unit = "P1" });
        received.AddRange(await ReadAsync(second, 2));

        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), received.Select(a => a.Id));
        Assert.Equal(8, received.Select(a => a.AlertId).Distinct().Count());
        Assert.Equal([AlertKind.CheckpointFailed, AlertKind.Held], received.Take(2).Select(a => a.Kind));
        Assert.All(received.Skip(2).Take(4), a => Assert.Equal(AlertKind.Recalled, a.Kind));
        Assert.Equal(new[] { root }.Concat(parts).Order(), received.Skip(2).Take(4).Select(a => a.Batch.Lot).Order());
        Assert.Equal([(AlertKind.CheckpointFailed, later), (AlertKind.Held, later)], received.Skip(6).Select(a => (a.Kind, a.Batch.Lot)));
    }

    [Fact]
    public async Task A_participant_lists_its_unread_alerts_and_acknowledges_them_up_to_an_id_or_by_id()
    {
        var (world, root, parts) = await RecallableAsync();
        await new Lineage(fixture, world).RecallAsync(root);

        var unread = await Alerts.ListUnreadAlertsAsync(new ListUnreadAlertsRequest { ParticipantGln = world.Producer });
        Assert.Equal([1L, 2L, 3L, 4L], unread.Alerts.Select(a => a.Id));
        Assert.False(unread.More);
        var firstTwo = await Alerts.ListUnreadAlertsAsync(new ListUnreadAlertsRequest { ParticipantGln = world.Producer, Max = 2 });
        Assert.Equal([1L, 2L], firstTwo.Alerts.Select(a => a.Id));
        Assert.True(firstTwo.More, "two of four listed: more should be true");

        var acknowledged = await Alerts.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ParticipantGln = world.Producer, ThroughId = 1, Ids = { 3 } });
        Assert.Equal(1L, acknowledged.AcknowledgedThrough);
        var left = await Alerts.ListUnreadAlertsAsync(new ListUnreadAlertsRequest { ParticipantGln = world.Producer });
        Assert.Equal([2L, 4L], left.Alerts.Select(a => a.Id));

        // Replayed from the start, the log still holds them all, acknowledged or not.
        using var replay = await WatchAsync(world.Producer, resumeAfter: 0);
        var all = await ReadAsync(replay, 4);
        Assert.Equal([true, false, true, false], all.Select(a => a.Acknowledged));
        Assert.Equal(parts.Length + 1, all.Select(a => a.Batch.Lot).Distinct().Count());
    }

    [Fact]
    public async Task Acknowledging_an_unknown_or_malformed_id_is_refused_naming_the_field_and_changes_nothing()
    {
        var (world, root, _) = await RecallableAsync();
        await new Lineage(fixture, world).RecallAsync(root);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => Alerts.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ParticipantGln = world.Producer, Ids = { 2, 99 } }).ResponseAsync);
        var beyond = await Assert.ThrowsAsync<RpcException>(() => Alerts.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ParticipantGln = world.Producer, ThroughId = 5 }).ResponseAsync);
        var negative = await Assert.ThrowsAsync<RpcException>(() => Alerts.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ParticipantGln = world.Producer, Ids = { -1 } }).ResponseAsync);
        var nothing = await Assert.ThrowsAsync<RpcException>(() => Alerts.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ParticipantGln = world.Producer }).ResponseAsync);
        var resume = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = Traces.WatchAlerts(new WatchAlertsRequest { ParticipantGln = world.Producer, ResumeAfter = 9 }, deadline: DateTime.UtcNow.Add(Bound));
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal([StatusCode.NotFound, StatusCode.NotFound, StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.NotFound],
            new[] { unknown, beyond, negative, nothing, resume }.Select(e => e.StatusCode));
        Assert.StartsWith("ids: alert 99 is not in", unknown.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("through_id: alert 5 is not in", beyond.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("ids[0]", negative.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("through_id", nothing.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("resume_after: alert 9 is not in", resume.Status.Detail, StringComparison.Ordinal);
        var unread = await Alerts.ListUnreadAlertsAsync(new ListUnreadAlertsRequest { ParticipantGln = world.Producer });
        Assert.Equal([1L, 2L, 3L, 4L], unread.Alerts.Select(a => a.Id));
    }

    [Fact]
    public async Task A_participant_may_not_read_or_acknowledge_another_participants_alerts()
    {
        var (world, root, _) = await RecallableAsync();
        await new Lineage(fixture, world).RecallAsync(root);
        var distributor = new AlertService.AlertServiceClient(fixture.Server.As(world.Distributor, "distributor"));
        var auditor = new AlertService.AlertServiceClient(fixture.Server.As(world.Auditor, "auditor"));

        var read = await Assert.ThrowsAsync<RpcException>(() => distributor.ListUnreadAlertsAsync(new ListUnreadAlertsRequest { ParticipantGln = world.Producer }).ResponseAsync);
        var acknowledge = await Assert.ThrowsAsync<RpcException>(() => auditor.AcknowledgeAlertsAsync(new AcknowledgeAlertsRequest { ParticipantGln = world.Producer, ThroughId = 1 }).ResponseAsync);
        var watch = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = new TraceService.TraceServiceClient(fixture.Server.As(world.Distributor, "distributor"))
                .WatchAlerts(new WatchAlertsRequest { ParticipantGln = world.Producer, ResumeAfter = 0 }, deadline: DateTime.UtcNow.Add(Bound));
            await call.ResponseStream.MoveNext();
        });

        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied], new[] { read, acknowledge, watch }.Select(e => e.StatusCode));
        Assert.Contains("participant_gln", read.Status.Detail, StringComparison.Ordinal);

        // An auditor reads anyone's alerts but acknowledges none of them: they stay unread.
        var audited = await auditor.ListUnreadAlertsAsync(new ListUnreadAlertsRequest { ParticipantGln = world.Producer });
        Assert.Equal(4, audited.Alerts.Count);
    }

    /// <summary>A producer's lot with three parts split off it (it keeps the rest), all held by the producer.</summary>
    private async Task<(World World, string Root, string[] Parts)> RecallableAsync()
    {
        var world = await new World(fixture).RegisterAsync();
        var root = Ids.Lot();
        await world.CreateBatchAsync(root, 500);
        var parts = new[] { Ids.Lot(), Ids.Lot(), Ids.Lot() };
        await new Lineage(fixture, world).SplitAsync(root, parts.Select(p => (p, 100.0)).ToArray());
        return (world, root, parts);
    }

    /// <summary>Opens a stream from a resume point and waits until the server says it listens (its response headers).</summary>
    private async Task<AsyncServerStreamingCall<Alert>> WatchAsync(string participant, long resumeAfter)
    {
        var call = Traces.WatchAlerts(new WatchAlertsRequest { ParticipantGln = participant, ResumeAfter = resumeAfter }, deadline: DateTime.UtcNow.Add(Bound * 2));
        await call.ResponseHeadersAsync;
        return call;
    }

    /// <summary>The next alerts, failing if they do not come within <see cref="Bound"/>.</summary>
    private static async Task<List<Alert>> ReadAsync(AsyncServerStreamingCall<Alert> call, int count)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var alerts = new List<Alert>();
        while (alerts.Count < count)
        {
            try
            {
                Assert.True(await call.ResponseStream.MoveNext(timeout.Token), $"the stream ended after {alerts.Count} of {count} alerts");
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && timeout.IsCancellationRequested)
            {
                Assert.Fail($"only {alerts.Count} of {count} alerts came within {Bound.TotalSeconds} s: {string.Join("; ", alerts.Select(a => $"{a.Id} {a.Kind}"))}");
            }

            alerts.Add(call.ResponseStream.Current);
        }

        return alerts;
    }
}
