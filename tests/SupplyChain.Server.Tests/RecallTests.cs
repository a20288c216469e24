using Azure;
using Azure.Data.Tables;
using Grpc.Core;
using SupplyChain.Grains.Storage;
using SupplyChain.V1;
using DomainBatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Tests;

/// <summary>Recalls through the API: the batch and everything made from it, once each, by auditors only; retries replay.</summary>
[Collection(ServerCollection.Name)]
public sealed class RecallTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_recall_reaches_every_descendant_of_a_diamond_once_and_a_retry_replays_it()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, c, d) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await lineage.SplitAsync(a, (b, 40), (c, 60));
        await lineage.MergeAsync(d, lineage.Ref(b), lineage.Ref(c));
        await world.ShipAsync(d, world.Producer, world.Distributor);
        var eventId = Ids.EventId();

        var recall = await lineage.RecallAsync(a, eventId);

        Assert.Equal((eventId, 4, 4, false), (recall.RecallId, recall.BatchCount, recall.NewlyRecalled, recall.Replayed));
        Assert.Equal(
            [(a, 0, BatchStatus.Consumed), (b, 1, BatchStatus.Consumed), (c, 1, BatchStatus.Consumed), (d, 2, BatchStatus.Recalled)],
            recall.Batches.Select(r => (r.Batch.Lot, r.Depth, r.Status)).ToArray());
        Assert.All(recall.Batches, r => Assert.Equal(RecallOutcome.Recalled, r.Outcome));
        Assert.Equal(new[] { world.Producer, world.Distributor }.Order(StringComparer.Ordinal), recall.NotifiedGlns);
        foreach (var lot in new[] { a, b, c, d })
        {
            Assert.Equal(1, await lineage.RecallsInHistoryAsync(lot));
        }

        var recalled = await world.GetAsync(d);
        Assert.Equal((BatchStatus.Recalled, world.Producer, world.Distributor), (recalled.Status, recalled.CustodianGln, recalled.PendingReceiverGln));
        Assert.Contains("lead above limit", recalled.HoldReason, StringComparison.Ordinal);
        var receive = await Assert.ThrowsAsync<RpcException>(() => world.ReceiveAsync(d, world.Distributor));
        Assert.Equal(StatusCode.FailedPrecondition, receive.StatusCode);

        var retry = await lineage.RecallAsync(a, eventId);

        Assert.Equal((4, 0, true), (retry.BatchCount, retry.NewlyRecalled, retry.Replayed));
        Assert.All(retry.Batches, r => Assert.Equal(RecallOutcome.Replayed, r.Outcome));
        Assert.Equal(1, await lineage.RecallsInHistoryAsync(d));
        var reused = await Assert.ThrowsAsync<RpcException>(() => lineage.RecallAsync(a, eventId, reason: "another reason"));
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
        var again = await Assert.ThrowsAsync<RpcException>(() => lineage.RecallAsync(d));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already recalled", again.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recall_leaves_batches_an_earlier_recall_reached_as_they_were()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, c) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await lineage.SplitAsync(a, (b, 40), (c, 20));
        await lineage.RecallAsync(b, reason: "torn bags");

        var recall = await lineage.RecallAsync(a);

        Assert.Equal(
            [(a, RecallOutcome.Recalled, BatchStatus.Recalled), (b, RecallOutcome.AlreadyRecalled, BatchStatus.Recalled), (c, RecallOutcome.Recalled, BatchStatus.Recalled)],
            recall.Batches.Select(r => (r.Batch.Lot, r.Outcome, r.Status)).ToArray());
        Assert.Equal(1, await lineage.RecallsInHistoryAsync(b));
        Assert.Contains("torn bags", (await world.GetAsync(b)).HoldReason, StringComparison.Ordinal);
        var split = await Assert.ThrowsAsync<RpcException>(() => lineage.SplitAsync(a, (Ids.Lot(), 10)));
        Assert.Equal(StatusCode.FailedPrecondition, split.StatusCode);
        Assert.Contains("recalled and cannot be split", split.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_registered_auditor_recalls_and_a_refused_recall_changes_nothing()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);

        var producer = await Assert.ThrowsAsync<RpcException>(() => lineage.RecallAsync(lot, auditor: world.Producer));
        var stranger = await Assert.ThrowsAsync<RpcException>(() => lineage.RecallAsync(lot, auditor: Ids.Gln()));
        var noReason = await Assert.ThrowsAsync<RpcException>(() => lineage.RecallAsync(lot, reason: " "));
        var missing = await Assert.ThrowsAsync<RpcException>(() => lineage.RecallAsync(Ids.Lot()));

        Assert.Equal(
            [StatusCode.PermissionDenied, StatusCode.FailedPrecondition, StatusCode.InvalidArgument, StatusCode.NotFound],
            new[] { producer, stranger, noReason, missing }.Select(e => e.StatusCode).ToArray());
        Assert.Contains("not an auditor", producer.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("auditor_gln", stranger.Status.Detail, StringComparison.Ordinal);
        var batch = await world.GetAsync(lot);
        Assert.Equal((BatchStatus.Active, 1L), (batch.Status, batch.Version));
    }

    [Fact]
    public async Task A_stored_event_that_no_longer_parses_is_data_loss_naming_the_batch()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        Assert.True((await new TraceService.TraceServiceClient(fixture.Server.Channel).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot })).Ok);
        await world.ShipAsync(lot, world.Producer, world.Distributor);

        // Verifying after each event writes it out of the journal into a row of its own, where the edit below goes.
        Assert.True((await new TraceService.TraceServiceClient(fixture.Server.Channel).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot })).Ok);
        var table = new TableClient(fixture.Azurite.ConnectionString, "supplychainbatchlog");
        var row = (await table.GetEntityAsync<TableEntity>(BatchLogStore.EventPartition(DomainBatchRef.Parse(world.Gtin, lot), 2), BatchLogStore.EventRow(2))).Value;
        row["Json0"] = "{\"batch\": \"not an event\"";
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge);

        var history = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync);
        var export = await Assert.ThrowsAsync<RpcException>(() => new Lineage(fixture, world).Traces.ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync);

        Assert.Equal((StatusCode.DataLoss, StatusCode.DataLoss), (history.StatusCode, export.StatusCode));
        Assert.Contains($"version 2 of batch {world.Gtin}/{lot}", history.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"version 2 of batch {world.Gtin}/{lot}", export.Status.Detail, StringComparison.Ordinal);
    }
}
