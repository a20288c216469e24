using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>GE_recordTime paging through one silo while two silos record: the horizon takes every journal writer's watermark.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EpcisClusterTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(2, "epcis", new Dictionary<string, string>
    {
        ["Storage__IndexRecordedEvents"] = "true",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Paging_through_one_silo_misses_and_repeats_nothing_while_both_silos_record()
    {
        var (producer, gtin13) = (Ids.Gln(), Ids.Gtin13());
        var participants = new ParticipantService.ParticipantServiceClient(_cluster.Servers[1].Channel);
        await participants.RegisterParticipantAsync(new RegisterParticipantRequest { Gln = producer, Name = "Ca Mau crab cooperative", Roles = { Role.Producer } });
        await participants.RegisterProductAsync(new RegisterProductRequest { Gtin = gtin13, ProducerGln = producer, Name = "Live crab", Category = "crab", Unit = "KGM" });
        var batches = new BatchService.BatchServiceClient(_cluster.Servers[1].Channel);
        using var auditor = EpcisClient.For(_cluster.Servers[0], null, "auditor");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var created = new List<string>();

        async Task RecordAsync(int count)
        {
            foreach (var lot in Enumerable.Range(0, count).Select(_ => Ids.Lot()))
            {
                await batches.CreateBatchAsync(new CreateBatchRequest
                {
                    EventId = Ids.EventId(), Gtin = gtin13, Lot = lot, Quantity = new Quantity { Value = 10, Unit = "KGM" }, ProducerGln = producer,
                });
                created.Add(lot);
            }
        }

        // Another silo's events show once its watermark passes them: within a second or two.
        async Task<List<string>> AllAsync()
        {
            var all = new List<string>();
            for (var attempt = 0; attempt < 40 && all.Count != created.Count; attempt++)
            {
                await Task.Delay(attempt == 0 ? 0 : 250);
                using var everything = await auditor.GetAsync($"/epcis/events?EQ_bizStep=commissioning&GE_recordTime={Uri.EscapeDataString(since.ToString("O"))}&perPage=10000");
                all = (await EpcisClient.EventsAsync(everything)).Select(e => e.GetProperty("eventID").GetString()!).ToList();
            }

            return all;
        }

        await RecordAsync(8);
        Assert.Equal(8, (await AllAsync()).Count);
        var seen = new List<string>();
        var next = $"/epcis/events?EQ_bizStep=commissioning&GE_recordTime={Uri.EscapeDataString(since.ToString("O"))}&perPage=3";
        for (var page = 0; page < 1_000 && next is not null; page++)
        {
            using var answer = await auditor.GetAsync(next);
            seen.AddRange((await EpcisClient.EventsAsync(answer)).Select(e => e.GetProperty("eventID").GetString()!));
            next = answer.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<') : null;
            await RecordAsync(2);
        }

        Assert.True(seen.Count == seen.Distinct().Count(), $"expected no event twice, got {seen.Count - seen.Distinct().Count()} repeated");
        Assert.True(seen.Count >= 8, $"expected at least the 8 events recorded before paging, got {seen.Count}");
        var all = await AllAsync();
        Assert.Equal(created.Count, all.Count);
        Assert.Equal(all.Take(seen.Count), seen);
    }
}
