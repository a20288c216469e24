using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Grpc.Core;
using SupplyChain.Testing;
using SupplyChain.V1;
using Xunit.Abstractions;

namespace SupplyChain.Server.Tests;

/// <summary>
/// A silo the cluster declares dead while it still holds writers' calls (frozen, or cut off from its peers but not from
/// storage) must not acknowledge one more event: its journal was swept and its batches went on elsewhere. After the
/// cluster settles, every acknowledged event is in its batch's log once, every log verifies, no version has two events.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FencingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Silos = 3;
    private const int Writers = 9;
    private const int EventsEach = 24;
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(Silos, "fence", new Dictionary<string, string>
    {
        ["Faults__SiloLinks"] = "true",
        // Events stay in the journals while the test runs: the fault finds silo 1's journal holding acknowledged events.
        ["Storage__WriteOutAfter"] = "00:02:00",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_silo_frozen_until_declared_dead_acknowledges_nothing_after_it_wakes_and_no_event_is_lost()
    {
        var victim = _cluster.Servers[1];
        try
        {
            await RunAsync(() => victim.Freeze(), () => victim.Thaw());
        }
        finally
        {
            if (!victim.Exited)
            {
                victim.Thaw();
            }
        }
    }

    [Fact]
    public async Task A_silo_cut_off_from_its_peers_but_not_from_storage_acknowledges_nothing_once_declared_dead()
    {
        var victim = _cluster.Servers[1];
        await RunAsync(() => victim.SetSiloLinksAsync(true).GetAwaiter().GetResult(), () => { });
    }

    /// <summary>Writers keep writing through every gateway while the fault strikes silo 1 and lasts until the cluster declared it dead and moved on.</summary>
    private async Task RunAsync(Action strike, Action end)
    {
        var channels = _cluster.Servers.Select(s => s.Channel).ToList();
        var (producer, gtin13, lots) = await SeedAsync(channels, 24);
        var acknowledged = new ConcurrentBag<(string Lot, string EventId)>();
        var refused = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var started = new TaskCompletionSource();
        var writers = Enumerable.Range(0, Writers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var gateway = worker % Silos;
            for (var n = 0; n < EventsEach; n++)
            {
                var lot = lots[random.Next(lots.Count)];
                var request = new RecordCheckpointRequest
                {
                    EventId = Ids.EventId(), Gtin = Ids.Gtin14(gtin13), Lot = lot, ActorGln = producer, Kind = CheckpointKind.Environmental, Step = "cold store",
                    Measurements = { new Measurement { Type = "temperature", Value = -20 + (n % 3), Unit = "CEL" } },
                };
                var deadline = clock.Elapsed + TimeSpan.FromSeconds(70);
                while (true)
                {
                    try
                    {
                        // Longer than the fault lasts: a call the frozen silo holds is still awaited when it wakes.
                        await new BatchService.BatchServiceClient(channels[gateway]).RecordCheckpointAsync(request, deadline: DateTime.UtcNow.AddSeconds(25));
                        acknowledged.Add((lot, request.EventId));
                        break;
                    }
                    catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled && clock.Elapsed < deadline)
                    {
                        refused.Add($"{ex.StatusCode}: {ex.Status.Detail}");
                        gateway = (gateway + 1) % Silos;
                        await Task.Delay(100);
                    }
                }

                if (acknowledged.Count >= 40)
                {
                    started.TrySetResult();
                }
            }
        })).ToList();

        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // On a busy machine the first events may all land on the other silos' batches: strike once silo 1's journal holds some.
        var ready = clock.Elapsed + TimeSpan.FromSeconds(20);
        while (clock.Elapsed < ready && await JournaledAsync(_cluster.Servers[1].SiloPort) == 0)
        {
            await Task.Delay(100);
        }

        var struck = clock.Elapsed;
        strike();
        var held = await JournaledAsync(_cluster.Servers[1].SiloPort);
        output.WriteLine($"silo 1's journal held {held} events when the fault struck");
        Assert.True(held > 0, "silo 1's journal should hold events when the fault strikes, or the test shows nothing");
        var declared = await DeclaredDeadAsync(_cluster.Servers[1].SiloPort, clock, TimeSpan.FromSeconds(30)) - struck;
        output.WriteLine($"silo 1 declared dead {declared.TotalSeconds:F1} s after the fault struck");

        // The survivors' writers reach silo 1's batches again only after its journal was swept: give them a moment.
        var acknowledgedAtDeath = acknowledged.Count;
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(15);
        while (acknowledged.Count < acknowledgedAtDeath + 20 && clock.Elapsed < deadline)
        {
            await Task.Delay(100);
        }

        end();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(90));
        var fenced = refused.Count(r => r.Contains("not stored", StringComparison.Ordinal) || r.Contains("takes no events", StringComparison.Ordinal));
        output.WriteLine($"{acknowledged.Count} events acknowledged; {refused.Count} attempts refused, {fenced} of them by silo 1's fenced journal; writers done {clock.Elapsed.TotalSeconds:F1} s after the start");
        foreach (var reason in refused.GroupBy(r => r.Length > 120 ? r[..120] : r).OrderByDescending(g => g.Count()).Take(6))
        {
            output.WriteLine($"  {reason.Count()} x {reason.Key}");
        }

        Assert.Equal(Writers * EventsEach, acknowledged.Count);
        await AuditAsync(new BatchService.BatchServiceClient(channels[0]), new TraceService.TraceServiceClient(channels[2]), gtin13, lots, acknowledged);
        await AssertNoOrphanedCommitsAsync();
    }

    /// <summary>Events in the commit rows of the journal writer of the silo at this port.</summary>
    private async Task<long> JournaledAsync(int siloPort)
    {
        var journal = new TableClient(_cluster.Azurite.ConnectionString, "supplychainjournal");
        var writers = new List<string>();
        await foreach (var row in journal.QueryAsync<TableEntity>(r => r.PartitionKey == "writers"))
        {
            if ((row.GetString("Silo") ?? "").Contains($":{siloPort}@", StringComparison.Ordinal))
            {
                writers.Add(row.RowKey);
            }
        }

        long events = 0;
        await foreach (var row in journal.QueryAsync<TableEntity>(r => r.PartitionKey != "writers" && r.RowKey != "fence"))
        {
            events += writers.Contains(row.PartitionKey.Split('~')[0]) ? row.GetInt32("Count") ?? 0 : 0;
        }

        return events;
    }

    /// <summary>When the membership table first shows the silo at this port dead.</summary>
    private async Task<TimeSpan> DeclaredDeadAsync(int siloPort, Stopwatch clock, TimeSpan timeout)
    {
        var table = new TableClient(_cluster.Azurite.ConnectionString, "supplychainsilos");
        var deadline = clock.Elapsed + timeout;
        while (clock.Elapsed < deadline)
        {
            await foreach (var row in table.QueryAsync<TableEntity>())
            {
                if (row.GetString("Port") == siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture) && row.GetString("Status") == "Dead")
                {
                    return clock.Elapsed;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"silo at port {siloPort} was not declared dead within {timeout.TotalSeconds} s");
    }

    /// <summary>Every acknowledged event once in its batch's log, versions 1..n with no gap and no repeat, every log verified.</summary>
    private static async Task AuditAsync(BatchService.BatchServiceClient reader, TraceService.TraceServiceClient traces, string gtin13, IEnumerable<string> lots, IEnumerable<(string Lot, string EventId)> acknowledged)
    {
        foreach (var lot in lots)
        {
            var history = await SettledAsync(() => reader.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = Ids.Gtin14(gtin13), Lot = lot }).ResponseAsync);
            var ids = history.Events.Select(e => e.EventId).ToList();
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(v => (long)v), history.Events.Select(e => e.Version));
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(acknowledged.Where(a => a.Lot == lot).Select(a => a.EventId).Order(StringComparer.Ordinal), ids.Skip(1).Order(StringComparer.Ordinal));
            var verified = await SettledAsync(() => traces.VerifyBatchAsync(new VerifyBatchRequest { Gtin = Ids.Gtin14(gtin13), Lot = lot }).ResponseAsync);
            Assert.True(verified.Ok, $"batch {lot} does not verify at version {verified.FirstBadVersion}: {verified.Problem}");
            Assert.Equal(ids.Count, verified.EventsChecked);
        }
    }

    /// <summary>A commit row whose writer is gone was never written out: an acknowledged event nobody will find.</summary>
    private async Task AssertNoOrphanedCommitsAsync()
    {
        var journal = new TableClient(_cluster.Azurite.ConnectionString, "supplychainjournal");
        var writers = new HashSet<string>();
        var commits = new List<string>();
        await foreach (var row in journal.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            if (row.PartitionKey == "writers")
            {
                writers.Add(row.RowKey);
            }
            else if (row.RowKey != "fence")
            {
                commits.Add(row.PartitionKey.Split('~')[0]);
            }
        }

        var orphaned = commits.Where(w => !writers.Contains(w)).ToList();
        Assert.True(orphaned.Count == 0, $"{orphaned.Count} commit rows of writers gone ({string.Join(", ", orphaned.Distinct())}) were never written out");
    }

    private static async Task<T> SettledAsync<T>(Func<Task<T>> read)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await read();
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Unknown or StatusCode.Internal && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task<(string Producer, string Gtin13, List<string> Lots)> SeedAsync(IReadOnlyList<CallInvoker> channels, int batches)
    {
        var (producer, gtin13) = (Ids.Gln(), Ids.Gtin13());
        var participants = new ParticipantService.ParticipantServiceClient(channels[0]);
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "Ca Mau shrimp cooperative", Roles = { Role.Producer } });
        await participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin13, ProducerGln = producer, Name = "Frozen black tiger shrimp", Category = "shrimp", Unit = "KGM" });
        var lots = Enumerable.Range(0, batches).Select(_ => Ids.Lot()).ToList();
        await Task.WhenAll(lots.Select((lot, i) => new BatchService.BatchServiceClient(channels[i % channels.Count]).CreateBatchAsync(new CreateBatchRequest
        {
            EventId = Ids.EventId(), Gtin = gtin13, Lot = lot, Quantity = new Quantity { Value = 100, Unit = "KGM" }, ProducerGln = producer,
        }).ResponseAsync));
        return (producer, gtin13, lots);
    }
}
