using System.Diagnostics;
using Microsoft.Extensions.Options;
using SupplyChain.Grains.Storage;
using SupplyChain.Grains.Tests.Fixture;
using Xunit.Abstractions;

namespace SupplyChain.Grains.Tests.Storage;

/// <summary>The journal's fencing in storage itself: once a sweep has begun, no commit of the swept writer is stored.</summary>
[Collection(GrainsCollection.Name)]
public sealed class JournalFenceTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private JournalStore Store() => new(new Tables(Options.Create(new StorageOptions { ConnectionString = fixture.Azurite.ConnectionString })));

    private static IReadOnlyList<JournalEntry> Entries(int n) =>
        [new JournalEntry("01/08930000000001/10/L1", n, DateTimeOffset.UnixEpoch, "", $"h{n}", $"e{n}", "f", "{}")];

    private static async Task<Azure.ETag> RegisterAsync(JournalStore store, string writer)
    {
        var beat = await store.BeatAsync(writer, "127.0.0.1:11111@1", DateTimeOffset.UtcNow, null);
        Assert.True(await store.OpenSegmentAsync(writer, 0));
        return beat ?? throw new InvalidOperationException("the writer did not register");
    }

    [Fact]
    public async Task A_commit_after_the_sweep_fenced_the_writer_fails_and_stores_nothing()
    {
        var writer = Guid.NewGuid().ToString("N")[..16];
        var store = Store();
        var beat = await RegisterAsync(store, writer);
        await store.CommitAsync(writer, 0, Entries(1));

        Assert.True(await store.ClaimSweepAsync((await store.ReadWriterAsync(writer))!, "sweeper"));
        await store.FenceAsync(writer);

        await Assert.ThrowsAsync<JournalFencedException>(() => store.CommitAsync(writer, 1, Entries(2)));
        Assert.Equal([0L], (await store.ReadCommitsAsync(writer)).Select(c => c.Sequence));
        // The heartbeat fails too, and a segment opened after the claim is refused, though its fence row was added after the sweep's pass.
        Assert.Null(await store.BeatAsync(writer, "127.0.0.1:11111@1", DateTimeOffset.UtcNow, beat));
        Assert.False(await store.OpenSegmentAsync(writer, 1));
    }

    [Fact]
    public async Task A_beat_whose_answer_was_lost_is_no_sweep_but_a_claimed_writer_stays_fenced()
    {
        const string Silo = "127.0.0.1:11111@1";
        var writer = Guid.NewGuid().ToString("N")[..16];
        var store = Store();
        var first = await RegisterAsync(store, writer);

        // The writer beat, storage applied it, the answer never came: the writer still holds the first ETag.
        Assert.NotNull(await store.BeatAsync(writer, Silo, DateTimeOffset.UtcNow, first));
        Assert.Null(await store.BeatAsync(writer, Silo, DateTimeOffset.UtcNow, first));
        var renewed = await store.RenewAsync(writer, Silo, DateTimeOffset.UtcNow, first);
        Assert.NotNull(renewed);
        Assert.NotNull(await store.RenewAsync(writer, Silo, DateTimeOffset.UtcNow, renewed));

        // A registration whose answer was lost is renewed too.
        var other = Guid.NewGuid().ToString("N")[..16];
        Assert.NotNull(await store.BeatAsync(other, Silo, DateTimeOffset.UtcNow, null));
        Assert.NotNull(await store.RenewAsync(other, Silo, DateTimeOffset.UtcNow, null));

        Assert.True(await store.ClaimSweepAsync((await store.ReadWriterAsync(writer))!, "sweeper"));
        Assert.Null(await store.RenewAsync(writer, Silo, DateTimeOffset.UtcNow, renewed));
        Assert.True((await store.ReadWriterAsync(writer))!.Swept);
        await store.DeleteWriterAsync(writer);
        Assert.Null(await store.RenewAsync(writer, Silo, DateTimeOffset.UtcNow, renewed));
    }

    [Fact]
    public async Task A_commit_sent_again_after_its_answer_was_lost_is_stored_once()
    {
        var writer = Guid.NewGuid().ToString("N")[..16];
        var store = Store();
        await RegisterAsync(store, writer);
        await store.CommitAsync(writer, 0, Entries(1));

        // The client library sends a transaction again when the answer does not come: storage finds the row already there.
        await store.CommitAsync(writer, 0, Entries(1));

        var commit = Assert.Single(await store.ReadCommitsAsync(writer));
        Assert.Equal((0L, "e1"), (commit.Sequence, Assert.Single(commit.Entries).EventId));
    }

    [Fact]
    public async Task Commits_in_flight_together_do_not_conflict_on_the_fence()
    {
        var writer = Guid.NewGuid().ToString("N")[..16];
        var store = Store();
        await RegisterAsync(store, writer);
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 50; round++)
        {
            await Task.WhenAll(store.CommitAsync(writer, 2 * round, Entries(2 * round)), store.CommitAsync(writer, (2 * round) + 1, Entries((2 * round) + 1)));
        }

        output.WriteLine($"100 commit rows, two at a time: {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Enumerable.Range(0, 100).Select(s => (long)s), (await store.ReadCommitsAsync(writer)).Select(c => c.Sequence));
    }

    [Fact]
    public async Task Of_two_silos_claiming_one_sweep_exactly_one_gets_it()
    {
        var writer = Guid.NewGuid().ToString("N")[..16];
        var store = Store();
        await RegisterAsync(store, writer);
        var read = (await store.ReadWriterAsync(writer))!;

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Store().ClaimSweepAsync(read, $"sweeper{i}")));

        Assert.Equal(1, claims.Count(c => c));
        var swept = (await store.ReadWriterAsync(writer))!;
        Assert.True(swept.Swept);
        Assert.Equal($"sweeper{Array.IndexOf(claims, true)}", swept.Sweeper);
    }
}
