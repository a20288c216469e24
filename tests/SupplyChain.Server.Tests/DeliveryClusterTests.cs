using Grpc.Core;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Webhook deliveries survive silos killed with kill -9 in the middle of them: the outbox and its reminder are stored.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeliveryClusterTests : IAsyncLifetime
{
    private const int Silos = 3;
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(Silos, "deliveries", new Dictionary<string, string>
    {
        ["Deliveries__FirstRetry"] = "00:00:00.500",
        ["Deliveries__RecoveryPeriod"] = "00:00:05",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Every_alert_reaches_the_webhook_after_every_silo_is_killed_in_the_middle_of_delivering()
    {
        // Each POST takes a while, so that the kill finds deliveries made, in flight and still queued.
        await using var receiver = await WebhookReceiver.StartAsync(_ => 200, TimeSpan.FromMilliseconds(300));
        var channel = _cluster.Servers[0].Channel;
        var (producer, gtin13, lot) = (Ids.Gln(), Ids.Gtin13(), Ids.Lot());
        var participants = new ParticipantService.ParticipantServiceClient(channel);
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "Ca Mau shrimp cooperative", Roles = { Role.Producer } });
        await participants.RegisterProductAsync(new RegisterProductRequest
        {
            Gtin = gtin13, ProducerGln = producer, Name = "Dried shrimp", Category = "shrimp", Unit = "KGM", Limits = { new Limit { Type = "moisture", Max = 20, Unit = "P1" } },
        });
        await new AlertService.AlertServiceClient(channel).RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = producer, Url = receiver.Url, Secret = "whsec-cluster-0123456789" });
        var batches = new BatchService.BatchServiceClient(channel);
        await batches.CreateBatchAsync(new CreateBatchRequest { EventId = Ids.EventId(), Gtin = gtin13, Lot = lot, Quantity = new Quantity { Value = 100, Unit = "KGM" }, ProducerGln = producer });

        // Twelve failed drying checks: twelve alerts, each stored and queued for the webhook before its check is answered.
        const int alerts = 12;
        for (var i = 0; i < alerts; i++)
        {
            await batches.RecordCheckpointAsync(new RecordCheckpointRequest
            {
                EventId = Ids.EventId(), Gtin = Ids.Gtin14(gtin13), Lot = lot, ActorGln = producer, Kind = CheckpointKind.Production, Step = "drying",
                Measurements = { new Measurement { Type = "moisture", Value = 25 + i, Unit = "P1" } },
            });
        }

        await receiver.WaitForAsync(all => all.Count >= 2, TimeSpan.FromSeconds(30), "the first deliveries");
        foreach (var server in _cluster.Servers)
        {
            await server.KillAsync();
        }

        var beforeKill = receiver.All.Select(r => r.DeliveryId).Distinct().Count();
        Assert.True(beforeKill < alerts, $"the kill should come in the middle of delivering, but all {beforeKill} were delivered already");
        // Together, as an orchestrator restarts a crashed deployment: each finds its own earlier run dead.
        await Task.WhenAll(_cluster.Servers.Select(server => server.StartAgainAsync()));

        var received = await receiver.WaitForAsync(all => all.Select(r => r.DeliveryId).Distinct().Count() == alerts, TimeSpan.FromSeconds(60), $"all {alerts} alerts");
        Assert.Equal(alerts, received.Select(r => r.DeliveryId).Distinct().Count());
        Assert.All(received, r => Assert.Contains("/CheckpointFailed", r.DeliveryId, StringComparison.Ordinal));
    }
}
