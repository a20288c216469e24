using Azure;
using Azure.Data.Tables;
using SupplyChain.Grains.Storage;
using SupplyChain.V1;
using DomainBatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Tests;

/// <summary>VerifyBatch recomputes the hash chain from the stored rows, and catches edits made directly in Azure Storage.</summary>
[Collection(ServerCollection.Name)]
public sealed class VerifyBatchTests(ServerFixture fixture)
{
    private const string BatchLogTable = "supplychainbatchlog";

    [Fact]
    public async Task A_batch_nobody_tampered_with_verifies()
    {
        var (world, lot) = await ThreeEventsAsync();

        var verified = await VerifyAsync(world, lot);

        var batch = await world.GetAsync(lot);
        Assert.True(verified.Ok, verified.Reason);
        Assert.Equal((3L, 3L, batch.HeadHash, 0L, ChainBreak.Unspecified, "ok"), (verified.EventsChecked, verified.HeadVersion, verified.HeadHash, verified.FirstBadVersion, verified.Problem, verified.Reason));
    }

    [Fact]
    public async Task An_event_edited_directly_in_storage_is_named_with_its_version()
    {
        var (world, lot) = await ThreeEventsAsync();
        var table = new TableClient(fixture.Azurite.ConnectionString, BatchLogTable);
        var partition = BatchLogStore.EventPartition(DomainBatchRef.Parse(world.Gtin, lot), 2);
        var row = (await table.GetEntityAsync<TableEntity>(partition, BatchLogStore.EventRow(2))).Value;
        var original = row.GetString("Json0");
        var edited = original.Replace("\"value\":6.5", "\"value\":5.5", StringComparison.Ordinal);
        Assert.True(edited != original, $"expected the stored checkpoint to hold a reading of 6.5: {original}");
        row["Json0"] = edited;
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge);

        var verified = await VerifyAsync(world, lot);

        Assert.False(verified.Ok);
        Assert.Equal((2L, ChainBreak.HashMismatch, 1L), (verified.FirstBadVersion, verified.Problem, verified.EventsChecked));
        Assert.StartsWith("hash mismatch: version 2 stores hash ", verified.Reason, StringComparison.Ordinal);
        var batch = await world.GetAsync(lot);
        Assert.Equal((3L, batch.HeadHash), (verified.HeadVersion, verified.HeadHash));
    }

    [Fact]
    public async Task An_event_deleted_directly_in_storage_is_a_version_gap()
    {
        var (world, lot) = await ThreeEventsAsync();
        var table = new TableClient(fixture.Azurite.ConnectionString, BatchLogTable);
        await table.DeleteEntityAsync(BatchLogStore.EventPartition(DomainBatchRef.Parse(world.Gtin, lot), 2), BatchLogStore.EventRow(2), ETag.All);

        var verified = await VerifyAsync(world, lot);

        Assert.Equal((false, 2L, ChainBreak.VersionGap), (verified.Ok, verified.FirstBadVersion, verified.Problem));
        Assert.Equal("version gap: expected version 2, the next stored event is version 3", verified.Reason);
    }

    /// <summary>Created, checked (moisture 6.5 P1), shipped; verified after each, which writes each event out of the journal into a row of its own.</summary>
    private async Task<(World World, string Lot)> ThreeEventsAsync()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 500);
        Assert.True((await VerifyAsync(world, lot)).Ok);
        await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 6.5, Unit = "P1" });
        Assert.True((await VerifyAsync(world, lot)).Ok);
        await world.ShipAsync(lot, world.Producer, world.Distributor);
        Assert.True((await VerifyAsync(world, lot)).Ok);
        return (world, lot);
    }

    private Task<VerifyBatchResponse> VerifyAsync(World world, string lot) =>
        new TraceService.TraceServiceClient(fixture.Server.Channel).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync;
}
