using Grpc.Core;
using SupplyChain.V1;
using Xunit.Abstractions;

namespace SupplyChain.Server.Tests;

/// <summary>A recall cut short by a crashed server is finished by its retry: every descendant recalled, each once.</summary>
public sealed class RecallRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ServerFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_recall_interrupted_by_a_killed_server_is_finished_by_its_retry_recalling_each_descendant_once()
    {
        var world = await new World(_fixture).RegisterAsync();
        var lineage = new Lineage(_fixture, world);
        var descendants = await DiamondsAsync(world, lineage);
        var eventId = Ids.EventId();

        // Start the recall, and kill the server (SIGKILL: nothing is finished gracefully) once the root's recall is stored.
        var first = lineage.RecallAsync(descendants.Root, eventId);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await lineage.RecallsInHistoryAsync(descendants.Root) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the root was not recalled within 30 s");
            await Task.Delay(2);
        }

        await _fixture.Server.KillAsync();
        var interrupted = await Record.ExceptionAsync(() => first);
        output.WriteLine(interrupted is RpcException e ? $"first call failed: {e.StatusCode}" : "first call finished before the kill");
        await _fixture.Server.StartAgainAsync();
        var before = (await lineage.ForwardAsync(descendants.Root)).Batches.Count(b => b.Status == BatchStatus.Recalled);
        output.WriteLine($"leaf batches recalled before the retry: {before} of 20");

        var retry = await lineage.RecallAsync(descendants.Root, eventId);

        Assert.True(retry.Replayed, "the root's recall was stored before the kill: the retry must replay it");
        Assert.Equal(descendants.Lots.Count + 1, retry.BatchCount);
        Assert.DoesNotContain(retry.Batches, b => b.Outcome == RecallOutcome.AlreadyRecalled);
        foreach (var lot in descendants.Lots.Prepend(descendants.Root))
        {
            Assert.True(await lineage.RecallsInHistoryAsync(lot) == 1, $"batch {lot} should hold exactly one recall event");
        }

        var leaves = retry.Batches.Where(b => b.Status != BatchStatus.Consumed).ToList();
        Assert.Equal(20, leaves.Count);
        Assert.All(leaves, b => Assert.Equal(BatchStatus.Recalled, b.Status));
    }

    /// <summary>A root split into 20 lots, merged in pairs into 10, each split again into 2: 50 descendants, with diamonds.</summary>
    private static async Task<(string Root, List<string> Lots)> DiamondsAsync(World world, Lineage lineage)
    {
        var root = Ids.Lot();
        await world.CreateBatchAsync(root, 400);
        var parts = Enumerable.Range(0, 20).Select(_ => Ids.Lot()).ToList();
        await lineage.SplitAsync(root, parts.Select(p => (p, 20.0)).ToArray());
        var merged = Enumerable.Range(0, 10).Select(_ => Ids.Lot()).ToList();
        await Task.WhenAll(merged.Select((m, i) => lineage.MergeAsync(m, lineage.Ref(parts[2 * i]), lineage.Ref(parts[2 * i + 1]))));
        var leaves = new List<string>();
        foreach (var m in merged)
        {
            var (x, y) = (Ids.Lot(), Ids.Lot());
            leaves.AddRange([x, y]);
            await lineage.SplitAsync(m, (x, 15), (y, 25));
        }

        return (root, parts.Concat(merged).Concat(leaves).ToList());
    }
}
