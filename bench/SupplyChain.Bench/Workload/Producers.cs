using SupplyChain.Bench.Host;

namespace SupplyChain.Bench.Workload;

/// <summary>
/// Batches spread over several producers, as a province's many cooperatives would have them: batch i belongs to
/// producer i mod the number of producers. Keeps each producer's index partitions and grains at a realistic size.
/// </summary>
public sealed class Producers
{
    private readonly IReadOnlyList<Producer> _producers;

    private Producers(IReadOnlyList<Producer> producers, IReadOnlyList<string> lots)
    {
        _producers = producers;
        Lots = lots;
    }

    /// <summary>The lot numbers, one per batch.</summary>
    public IReadOnlyList<string> Lots { get; }

    public int Count => _producers.Count;

    /// <summary>Registers enough producers (and a product each) for <paramref name="batches"/> batches; creates no batch.</summary>
    public static async Task<Producers> RegisterAsync(BenchHost host, int batches, int batchesPerProducer)
    {
        var count = (batches + batchesPerProducer - 1) / batchesPerProducer;
        var producers = new List<Producer>();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(16))
        {
            producers.AddRange(await Task.WhenAll(chunk.Select(_ => Producer.RegisterAsync(host))));
        }

        return new Producers(producers, Enumerable.Range(0, batches).Select(_ => Gs1Keys.Lot()).ToList());
    }

    /// <summary>The producer of batch <paramref name="i"/> (any i: it wraps around the batches).</summary>
    public Producer Of(int i) => _producers[i % Lots.Count % _producers.Count];

    public string Lot(int i) => Lots[i % Lots.Count];

    public Task CreateAsync(int i) => Of(i).CreateBatchAsync(Lot(i));

    public Task RecordCheckpointAsync(int i) => Of(i).RecordCheckpointAsync(Lot(i));

    public Task GetAsync(int i) => Of(i).GetBatchAsync(Lot(i));
}
