using Google.Protobuf.WellKnownTypes;
using SupplyChain.Bench.Host;
using SupplyChain.V1;

namespace SupplyChain.Bench.Workload;

/// <summary>A producer with one product, registered through the API; makes batches and records their checkpoints.</summary>
public sealed class Producer
{
    private readonly BatchService.BatchServiceClient _batches;

    private Producer(BatchService.BatchServiceClient batches, string gln, string gtin13)
    {
        _batches = batches;
        Gln = gln;
        Gtin13 = gtin13;
    }

    public string Gln { get; }

    public string Gtin13 { get; }

    public static async Task<Producer> RegisterAsync(BenchHost host)
    {
        var producer = new Producer(host.Batches, Gs1Keys.Gln(), Gs1Keys.Gtin13());
        await host.Participants.RegisterParticipantAsync(new RegisterParticipantRequest
        {
            Gln = producer.Gln, Name = "Benchmark salt cooperative", Roles = { Role.Producer }, Province = "Bac Lieu", Kind = ProducerKind.Cooperative,
        }, deadline: BenchHost.Deadline);
        await host.Participants.RegisterProductAsync(new RegisterProductRequest
        {
            Gtin = producer.Gtin13, ProducerGln = producer.Gln, Name = "Bac Lieu sea salt 1 kg", Category = "salt", Unit = "KGM", OcopStars = 4, OcopCertificate = "OCOP-BL-2025-042",
            Limits = { new Limit { Type = "nacl", Min = 90, Unit = "P1" }, new Limit { Type = "moisture", Max = 10, Unit = "P1" } },
        }, deadline: BenchHost.Deadline);
        return producer;
    }

    public async Task<Batch> CreateBatchAsync(string lot, string? chainId = null)
    {
        var reply = await _batches.CreateBatchAsync(new CreateBatchRequest
        {
            EventId = Gs1Keys.EventId(), Gtin = Gtin13, Lot = lot, Quantity = new Quantity { Value = 800, Unit = "KGM" }, ProducerGln = Gln,
            ProducedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)), ChainId = chainId ?? "",
        }, deadline: BenchHost.Deadline);
        return reply.Batch;
    }

    /// <summary>A production checkpoint with two readings the server judges against the product's limits.</summary>
    public async Task RecordCheckpointAsync(string lot)
    {
        await _batches.RecordCheckpointAsync(new RecordCheckpointRequest
        {
            EventId = Gs1Keys.EventId(), Gtin = Gtin13, Lot = lot, ActorGln = Gln, Kind = CheckpointKind.Production, Step = "drying",
            Measurements = { new Measurement { Type = "moisture", Value = 7.5, Unit = "P1" }, new Measurement { Type = "nacl", Value = 93.1, Unit = "P1" } },
        }, deadline: BenchHost.Deadline);
    }

    /// <summary>Splits one part off a batch into a new lot.</summary>
    public async Task SplitAsync(string lot, string partLot, double kilograms) =>
        await _batches.SplitBatchAsync(new SplitBatchRequest
        {
            EventId = Gs1Keys.EventId(), Gtin = Gtin13, Lot = lot, ActorGln = Gln,
            Parts = { new SplitPart { Lot = partLot, Quantity = new Quantity { Value = kilograms, Unit = "KGM" } } },
        }, deadline: BenchHost.Deadline);

    /// <summary>Merges whole batches of this producer's product into a new lot.</summary>
    public async Task MergeAsync(string outputLot, IEnumerable<string> inputLots) =>
        await _batches.MergeBatchesAsync(new MergeBatchesRequest
        {
            EventId = Gs1Keys.EventId(), Inputs = { inputLots.Select(l => new BatchRef { Gtin = Gtin13, Lot = l }) }, OutputGtin = Gtin13, OutputLot = outputLot, ActorGln = Gln,
        }, deadline: BenchHost.Deadline);

    public async Task GetBatchAsync(string lot) =>
        await _batches.GetBatchAsync(new GetBatchRequest { Gtin = Gtin13, Lot = lot }, deadline: BenchHost.Deadline);
}
