using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>WatchAlerts streams: a participant hears of failed checks, holds and recalls; a chain of overdue shipments.</summary>
[Collection(ServerCollection.Name)]
public sealed class AlertTests(ServerFixture fixture)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private TraceService.TraceServiceClient Traces => new(fixture.Server.Channel);

    [Fact]
    public async Task A_custodian_watching_its_alerts_hears_of_a_failed_check_the_hold_it_causes_and_a_recall()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await world.ReceiveAsync(lot, world.Distributor);
        using var watch = await WatchAsync(new WatchAlertsRequest { ParticipantGln = world.Distributor });

        await world.CheckAsync(lot, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 80, Unit = "P1" });
        await new Lineage(fixture, world).RecallAsync(lot, reason: "sodium below label claim");

        var alerts = await ReadAsync(watch, 3);
        Assert.Equal([AlertKind.CheckpointFailed, AlertKind.Held, AlertKind.Recalled], alerts.Select(a => a.Kind).ToArray());
        Assert.All(alerts, a => Assert.Equal((world.Gtin, lot, world.Distributor, world.Producer), (a.Batch.Gtin, a.Batch.Lot, a.CustodianGln, a.ProducerGln)));
        Assert.Contains("nacl", alerts[0].Message, StringComparison.Ordinal);
        Assert.Contains("sodium below label claim", alerts[2].Message, StringComparison.Ordinal);
        Assert.Equal(3, alerts.Select(a => a.AlertId).Distinct().Count());
    }

    [Fact]
    public async Task A_custodian_and_the_producer_hear_of_a_hold_an_auditor_places()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        await world.ReceiveAsync(lot, world.Distributor);
        using var custodian = await WatchAsync(new WatchAlertsRequest { ParticipantGln = world.Distributor });
        using var producer = await WatchAsync(new WatchAlertsRequest { ParticipantGln = world.Producer });

        var held = await fixture.Batches.PlaceHoldAsync(new HoldRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, AuditorGln = world.Auditor, Reason = "aflatoxin suspected" });
        await fixture.Batches.LiftHoldAsync(new HoldRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, AuditorGln = world.Auditor, Reason = "cleared" });
        await world.CheckAsync(lot, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 80, Unit = "P1" });

        // Lifting raises nothing: the next alert each hears is the failed check after it.
        foreach (var watch in new[] { custodian, producer })
        {
            var alerts = await ReadAsync(watch, 2);
            Assert.Equal([AlertKind.Held, AlertKind.CheckpointFailed], alerts.Select(a => a.Kind).ToArray());
            Assert.Equal((lot, world.Distributor, held.Receipt.Version), (alerts[0].Batch.Lot, alerts[0].CustodianGln, alerts[0].Version));
            Assert.Contains($"is on hold: held by {world.Auditor}", alerts[0].Message, StringComparison.Ordinal);
            Assert.Contains("aflatoxin suspected", alerts[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_chain_watching_its_alerts_hears_of_a_shipment_not_received_within_its_time_limit()
    {
        var world = await new World(fixture).RegisterAsync();
        var chainId = "alerts-" + Ids.Lot().ToLowerInvariant();
        await fixture.Chains.DefineChainAsync(new DefineChainRequest
        {
            ChainId = chainId, Name = "Salt to the city within an hour", MaxTransitHours = 1,
            Stages = { new Stage { Name = "production", ParticipantGlns = { world.Producer } }, new Stage { Name = "distribution", ParticipantGlns = { world.Distributor } } },
        });
        var (late, onTime) = (Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(late, 100, chainId);
        await world.CreateBatchAsync(onTime, 100, chainId);
        using var watch = await WatchAsync(new WatchAlertsRequest { ChainId = chainId });

        // Shipped two hours ago and never received: overdue at once; the other is within its hour.
        await fixture.Batches.ShipBatchAsync(new ShipBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = late, ActorGln = world.Producer, ReceiverGln = world.Distributor,
            ShippedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-2)),
        });
        await world.ShipAsync(onTime, world.Producer, world.Distributor);

        var alert = Assert.Single(await ReadAsync(watch, 1));
        Assert.Equal((AlertKind.ShipmentOverdue, late, chainId, world.Distributor), (alert.Kind, alert.Batch.Lot, alert.ChainId, alert.PendingReceiverGln));
        Assert.Contains("not received within the 1 h", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_nobody_or_an_unknown_audience_is_refused()
    {
        var none = await RefusedAsync(new WatchAlertsRequest());
        var unknown = await RefusedAsync(new WatchAlertsRequest { ParticipantGln = Ids.Gln() });
        var noChain = await RefusedAsync(new WatchAlertsRequest { ChainId = "no-such-chain" });

        Assert.Equal([StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.NotFound], new[] { none, unknown, noChain }.Select(e => e.StatusCode).ToArray());
    }

    /// <summary>Opens a stream and waits until the server says it listens (its response headers).</summary>
    private async Task<AsyncServerStreamingCall<Alert>> WatchAsync(WatchAlertsRequest request)
    {
        var call = Traces.WatchAlerts(request, deadline: DateTime.UtcNow.Add(Bound * 2));
        await call.ResponseHeadersAsync;
        return call;
    }

    /// <summary>The status a refused stream ends with on its first read.</summary>
    private async Task<RpcException> RefusedAsync(WatchAlertsRequest request)
    {
        using var call = Traces.WatchAlerts(request, deadline: DateTime.UtcNow.Add(Bound));
        return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
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
                Assert.Fail($"only {alerts.Count} of {count} alerts came within {Bound.TotalSeconds} s: {string.Join("; ", alerts.Select(a => a.Kind))}");
            }

            alerts.Add(call.ResponseStream.Current);
        }

        return alerts;
    }
}
