using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Splits and merges of a world's batches through the public API, to build genealogies for traces.</summary>
public sealed class Lineage(ServerFixture fixture, World world)
{
    public TraceService.TraceServiceClient Traces { get; } = new(fixture.Server.Channel);

    /// <summary>Splits parts off a batch held by the world's producer.</summary>
    public Task<BatchEventResponse> SplitAsync(string lot, params (string Lot, double Kilograms)[] parts) =>
        fixture.Batches.SplitBatchAsync(new SplitBatchRequest
        {
            EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, ActorGln = world.Producer,
            Parts = { parts.Select(p => new SplitPart { Lot = p.Lot, Quantity = new Quantity { Value = p.Kilograms, Unit = "KGM" } }) },
        }).ResponseAsync;

    /// <summary>Merges whole batches held by the world's producer into a new lot of the world's product.</summary>
    public Task<BatchEventResponse> MergeAsync(string output, params BatchRef[] inputs) =>
        fixture.Batches.MergeBatchesAsync(new MergeBatchesRequest
        {
            EventId = Ids.EventId(), Inputs = { inputs }, OutputGtin = world.Gtin13, OutputLot = output, ActorGln = world.Producer,
        }).ResponseAsync;

    /// <summary>Recalls a batch of the world's product as the world's auditor.</summary>
    public Task<RecallResponse> RecallAsync(string lot, string? eventId = null, string reason = "lead above limit", string? auditor = null) =>
        Traces.RecallAsync(new RecallRequest { EventId = eventId ?? Ids.EventId(), Gtin = world.Gtin, Lot = lot, AuditorGln = auditor ?? world.Auditor, Reason = reason }).ResponseAsync;

    /// <summary>How many recall events a batch's history holds.</summary>
    public async Task<int> RecallsInHistoryAsync(string lot)
    {
        var history = await fixture.Batches.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = world.Gtin, Lot = lot });
        return history.Events.Count(e => e.Type == EventType.Recalled);
    }

    public BatchRef Ref(string lot) => new() { Gtin = world.Gtin, Lot = lot };

    public Task<TraceBackResponse> BackAsync(string lot, int? maxDepth = null)
    {
        var request = new TraceBackRequest { Gtin = world.Gtin, Lot = lot };
        if (maxDepth is { } depth)
        {
            request.MaxDepth = depth;
        }

        return Traces.TraceBackAsync(request).ResponseAsync;
    }

    public Task<TraceForwardResponse> ForwardAsync(string lot) =>
        Traces.TraceForwardAsync(new TraceForwardRequest { Gtin = world.Gtin, Lot = lot }).ResponseAsync;
}
