using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using SupplyChain.Testing;
using SupplyChain.V1;
using Xunit.Abstractions;

namespace SupplyChain.Server.Tests;

/// <summary>Three server processes share one cluster through Azure Table membership, against one Azurite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Silos = 3;
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(Silos, "cluster");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Killing_a_silo_under_load_loses_no_acknowledged_event_and_calls_resume_within_five_seconds()
    {
        var channels = _cluster.Servers.Select(s => s.Channel).ToList();
        var (producer, gtin13) = (Ids.Gln(), Ids.Gtin13());
        var participants = new ParticipantService.ParticipantServiceClient(channels[0]);
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "Gia Rai shrimp cooperative", Roles = { Role.Producer } });
        await participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin13, ProducerGln = producer, Name = "Frozen shrimp", Category = "shrimp", Unit = "KGM" });
        var lots = Enumerable.Range(0, 30).Select(_ => Ids.Lot()).ToList();
        for (var i = 0; i < lots.Count; i++)
        {
            await new BatchService.BatchServiceClient(channels[i % Silos]).CreateBatchAsync(new CreateBatchRequest
            {
                EventId = Ids.EventId(), Gtin = gtin13, Lot = lots[i], Quantity = new Quantity { Value = 100, Unit = "KGM" }, ProducerGln = producer,
            });
        }

        var acknowledged = new ConcurrentBag<(string Lot, string EventId)>();
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.MaxValue;
        var firstSuccessAfterKill = new ConcurrentDictionary<int, TimeSpan>();
        var longestWrite = new ConcurrentBag<TimeSpan>();
        var killed = new TaskCompletionSource();
        var workers = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var gateway = worker % Silos;
            for (var n = 0; n < 40; n++)
            {
                var lot = lots[random.Next(lots.Count)];
                var request = new RecordCheckpointRequest
                {
                    EventId = Ids.EventId(), Gtin = Ids.Gtin14(gtin13), Lot = lot, ActorGln = producer, Kind = CheckpointKind.Environmental, Step = "pond water",
                    Measurements = { new Measurement { Type = "temperature", Value = 28 + (n % 5), Unit = "CEL" } },
                };
                var started = clock.Elapsed;
                var deadline = started + TimeSpan.FromSeconds(60);
                while (true)
                {
                    try
                    {
                        var client = new BatchService.BatchServiceClient(channels[gateway]);
                        await client.RecordCheckpointAsync(request, deadline: DateTime.UtcNow.AddSeconds(5));
                        acknowledged.Add((lot, request.EventId));
                        longestWrite.Add(clock.Elapsed - started);
                        if (clock.Elapsed > killedAt)
                        {
                            firstSuccessAfterKill.TryAdd(worker, clock.Elapsed - killedAt);
                        }

                        break;
                    }
                    catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal && clock.Elapsed < deadline)
                    {
                        // Retry the same event id, through the next gateway.
                        gateway = (gateway + 1) % Silos;
                        await Task.Delay(50);
                    }
                }

                if (acknowledged.Count == 60)
                {
                    killed.TrySetResult();
                }
            }
        })).ToList();

        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        killedAt = clock.Elapsed;
        await _cluster.Servers[1].KillAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(6 * 40, acknowledged.Count);
        var recovery = firstSuccessAfterKill.Values.DefaultIfEmpty(TimeSpan.MaxValue).Max();
        Assert.True(firstSuccessAfterKill.Count == 6, $"only {firstSuccessAfterKill.Count} of 6 clients wrote after the kill");
        var longest = longestWrite.Max();
        output.WriteLine($"every client wrote again within {recovery.TotalSeconds:F2} s of the kill; the longest write, retries included, took {longest.TotalSeconds:F2} s; {acknowledged.Count} events acknowledged");
        Assert.True(recovery < TimeSpan.FromSeconds(5), $"calls resumed only {recovery.TotalSeconds:F1} s after the kill");
        Assert.True(longest < TimeSpan.FromSeconds(5), $"a write took {longest.TotalSeconds:F1} s, retries included, to be acknowledged after the kill");

        var reader = new BatchService.BatchServiceClient(channels[0]);
        foreach (var lot in lots)
        {
            var history = await reader.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = Ids.Gtin14(gtin13), Lot = lot });
            var ids = history.Events.Select(e => e.EventId).ToList();
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(v => (long)v), history.Events.Select(e => e.Version));
            Assert.Equal(ids.Count, ids.Distinct().Count());
            var expected = acknowledged.Where(a => a.Lot == lot).Select(a => a.EventId).Order(StringComparer.Ordinal);
            Assert.Equal(expected, ids.Skip(1).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_hands_its_grains_over_without_a_failed_call()
    {
        var channels = _cluster.Servers.Select(s => s.Channel).ToList();
        var (producer, gtin13, lots) = await SeedAsync(channels, 24);
        var failures = new ConcurrentBag<string>();
        var acknowledged = new ConcurrentBag<(string Lot, string EventId)>();
        var halfway = new TaskCompletionSource();
        var survivors = new[] { 0, 2 };
        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var client = new BatchService.BatchServiceClient(channels[survivors[worker % 2]]);
            for (var n = 0; n < 40; n++)
            {
                var lot = lots[random.Next(lots.Count)];
                var request = Reading(gtin13, lot, producer, n);
                try
                {
                    await client.RecordCheckpointAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
                    acknowledged.Add((lot, request.EventId));
                }
                catch (RpcException ex)
                {
                    failures.Add($"{ex.StatusCode}: {ex.Status.Detail}");
                }

                if (acknowledged.Count >= 40)
                {
                    halfway.TrySetResult();
                }
            }
        })).ToList();

        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(await _cluster.Servers[1].StopAsync(), "the silo should stop gracefully on SIGTERM");
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(failures.IsEmpty, $"{failures.Count} calls failed: {string.Join("; ", failures.Take(3))}");
        await AssertStoredOnceAsync(new BatchService.BatchServiceClient(channels[0]), gtin13, lots, acknowledged);
    }

    [Fact]
    public async Task A_whole_cluster_restart_brings_every_batch_back()
    {
        var channels = _cluster.Servers.Select(s => s.Channel).ToList();
        var (producer, gtin13, lots) = await SeedAsync(channels, 9);
        var acknowledged = new List<(string Lot, string EventId)>();
        for (var i = 0; i < lots.Count; i++)
        {
            var request = Reading(gtin13, lots[i], producer, i);
            await new BatchService.BatchServiceClient(channels[i % Silos]).RecordCheckpointAsync(request);
            acknowledged.Add((lots[i], request.EventId));
        }

        var before = await Task.WhenAll(lots.Select(lot => new BatchService.BatchServiceClient(channels[0]).GetBatchAsync(new GetBatchRequest { Gtin = Ids.Gtin14(gtin13), Lot = lot }).ResponseAsync));
        foreach (var server in _cluster.Servers)
        {
            Assert.True(await server.StopAsync(), "every silo should stop gracefully");
        }

        foreach (var server in _cluster.Servers)
        {
            await server.StartAgainAsync();
        }

        for (var i = 0; i < lots.Count; i++)
        {
            var after = await new BatchService.BatchServiceClient(channels[(i + 1) % Silos]).GetBatchAsync(new GetBatchRequest { Gtin = Ids.Gtin14(gtin13), Lot = lots[i] });
            Assert.Equal(before[i], after);
        }

        var product = await new ParticipantService.ParticipantServiceClient(channels[2]).GetProductAsync(new GetProductRequest { Gtin = gtin13 });
        Assert.Equal(producer, product.ProducerGln);
        await AssertStoredOnceAsync(new BatchService.BatchServiceClient(channels[1]), gtin13, lots, acknowledged);
    }

    [Fact]
    public async Task Splits_and_merges_interrupted_by_a_killed_silo_are_finished_by_retries_and_conserve_quantity()
    {
        var channels = _cluster.Servers.Select(s => s.Channel).ToList();
        var (producer, gtin13, parents) = await SeedAsync(channels, 12);
        var gtin14 = Ids.Gtin14(gtin13);
        var acknowledged = 0;
        var halfway = new TaskCompletionSource();
        var made = new ConcurrentDictionary<string, (List<string> Children, string Merged)>();

        async Task<BatchEventResponse> Retry(Func<BatchService.BatchServiceClient, Task<BatchEventResponse>> call, int gateway)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    var reply = await call(new BatchService.BatchServiceClient(channels[gateway]));
                    if (Interlocked.Increment(ref acknowledged) == 20)
                    {
                        halfway.TrySetResult();
                    }

                    return reply;
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal && DateTime.UtcNow < deadline)
                {
                    gateway = (gateway + 1) % Silos;
                    await Task.Delay(50);
                }
            }
        }

        var workers = parents.Select((parent, worker) => Task.Run(async () =>
        {
            var children = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                var parts = new[] { Ids.Lot(), Ids.Lot() };
                var split = new SplitBatchRequest
                {
                    EventId = Ids.EventId(), Gtin = gtin14, Lot = parent, ActorGln = producer,
                    Parts = { parts.Select(lot => new SplitPart { Lot = lot, Quantity = new Quantity { Value = 5, Unit = "KGM" } }) },
                };
                await Retry(async c => await c.SplitBatchAsync(split, deadline: DateTime.UtcNow.AddSeconds(10)), worker % Silos);
                children.AddRange(parts);
            }

            var merge = new MergeBatchesRequest
            {
                EventId = Ids.EventId(), Inputs = { children.Take(2).Select(lot => new BatchRef { Gtin = gtin14, Lot = lot }) },
                OutputGtin = gtin13, OutputLot = Ids.Lot(), ActorGln = producer,
            };
            await Retry(async c => await c.MergeBatchesAsync(merge, deadline: DateTime.UtcNow.AddSeconds(10)), (worker + 1) % Silos);
            made[parent] = (children, merge.OutputLot);
        })).ToList();

        await halfway.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await _cluster.Servers[1].KillAsync();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(180));

        var reader = new BatchService.BatchServiceClient(channels[0]);
        Task<Batch> Get(string lot) => reader.GetBatchAsync(new GetBatchRequest { Gtin = gtin14, Lot = lot }).ResponseAsync;
        foreach (var parent in parents)
        {
            var (children, mergedLot) = made[parent];
            var p = await Get(parent);
            Assert.Equal(70, p.Quantity.Value);
            Assert.Equal(children, p.Children.Select(c => c.Lot));
            var kids = await Task.WhenAll(children.Select(Get));
            Assert.All(kids, kid => Assert.Equal(parent, Assert.Single(kid.Parents).Lot));
            Assert.Equal([BatchStatus.Consumed, BatchStatus.Consumed, BatchStatus.Active, BatchStatus.Active, BatchStatus.Active, BatchStatus.Active], kids.Select(k => k.Status));
            var merged = await Get(mergedLot);
            Assert.Equal(10, merged.Quantity.Value);
            Assert.Equal(100, p.Quantity.Value + kids.Sum(k => k.Quantity.Value) + merged.Quantity.Value);
            var history = await reader.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = gtin14, Lot = parent });
            Assert.Equal(4, history.Events.Count);
        }
    }

    private static async Task<(string Producer, string Gtin13, List<string> Lots)> SeedAsync(IReadOnlyList<CallInvoker> channels, int batches)
    {
        var (producer, gtin13) = (Ids.Gln(), Ids.Gtin13());
        var participants = new ParticipantService.ParticipantServiceClient(channels[0]);
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "Phuoc Long rice cooperative", Roles = { Role.Producer } });
        await participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin13, ProducerGln = producer, Name = "ST25 rice", Category = "rice", Unit = "KGM" });
        var lots = Enumerable.Range(0, batches).Select(_ => Ids.Lot()).ToList();
        for (var i = 0; i < lots.Count; i++)
        {
            await new BatchService.BatchServiceClient(channels[i % channels.Count]).CreateBatchAsync(new CreateBatchRequest
            {
                EventId = Ids.EventId(), Gtin = gtin13, Lot = lots[i], Quantity = new Quantity { Value = 100, Unit = "KGM" }, ProducerGln = producer,
            });
        }

        return (producer, gtin13, lots);
    }

    private static RecordCheckpointRequest Reading(string gtin13, string lot, string producer, int n) => new()
    {
        EventId = Ids.EventId(), Gtin = gtin13, Lot = lot, ActorGln = producer, Kind = CheckpointKind.Environmental, Step = "storing",
        Measurements = { new Measurement { Type = "temperature", Value = 25 + (n % 7), Unit = "CEL" } },
    };

    private static async Task AssertStoredOnceAsync(BatchService.BatchServiceClient reader, string gtin13, IEnumerable<string> lots, IEnumerable<(string Lot, string EventId)> acknowledged)
    {
        foreach (var lot in lots)
        {
            var history = await reader.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = Ids.Gtin14(gtin13), Lot = lot });
            var ids = history.Events.Select(e => e.EventId).ToList();
            Assert.Equal(Enumerable.Range(1, ids.Count).Select(v => (long)v), history.Events.Select(e => e.Version));
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(acknowledged.Where(a => a.Lot == lot).Select(a => a.EventId).Order(StringComparer.Ordinal), ids.Skip(1).Order(StringComparer.Ordinal));
        }
    }
}
