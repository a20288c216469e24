using System.Diagnostics;
using Grpc.Core;
using SupplyChain.V1;
using Xunit.Abstractions;

namespace SupplyChain.Server.Tests;

/// <summary>With storage gone, writes fail fast with UNAVAILABLE and store nothing; with it back, the service resumes by itself.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ServerFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Writes_fail_fast_while_storage_is_down_and_succeed_once_it_is_back()
    {
        var world = await new World(_fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var check = new RecordCheckpointRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Producer, Kind = CheckpointKind.Production, Step = "packing",
            Measurements = { new Measurement { Type = "moisture", Value = 5, Unit = "P1" } },
        };

        await _fixture.Azurite.StopAsync();
        var clock = Stopwatch.StartNew();
        var down = await Assert.ThrowsAsync<RpcException>(() => _fixture.Batches.RecordCheckpointAsync(check).ResponseAsync);
        var failedAfter = clock.Elapsed;
        Assert.Equal(StatusCode.Unavailable, down.StatusCode);
        Assert.Contains("retry with the same event_id", down.Status.Detail, StringComparison.Ordinal);
        var newBatch = await Assert.ThrowsAsync<RpcException>(() => world.CreateBatchAsync(Ids.Lot()));
        Assert.Equal(StatusCode.Unavailable, newBatch.StatusCode);
        output.WriteLine($"a write failed with UNAVAILABLE {failedAfter.TotalSeconds:F1} s after storage went down");
        Assert.True(failedAfter < TimeSpan.FromSeconds(10), $"the write took {failedAfter.TotalSeconds:F1} s to fail");

        var stillReadable = await world.GetAsync(lot);
        Assert.Equal(1, stillReadable.Version);

        await _fixture.Azurite.StartAgainAsync();
        var retried = await _fixture.Batches.RecordCheckpointAsync(check);
        Assert.Equal(2, retried.Receipt.Version);
        var history = await _fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Equal([1L, 2L], history.Events.Select(e => e.Version).ToArray());
        Assert.Single(history.Events, e => e.EventId == check.EventId);
        var next = await world.CreateBatchAsync(Ids.Lot());
        Assert.Equal(1, next.Receipt.Version);
    }
}
