using Grpc.Core;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Storage;
using SupplyChain.V1;
using BatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Api;

/// <summary>gRPC BatchService: writes go to the batch's grain, which replies once the event is stored.</summary>
public sealed class BatchApi(IGrainFactory grains, BatchIndexStore index) : BatchService.BatchServiceBase
{
    public override async Task<BatchEventResponse> CreateBatch(CreateBatchRequest request, ServerCallContext context)
    {
        var command = Requests.Create(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).CreateAsync(command)));
    }

    public override async Task<BatchEventResponse> RecordCheckpoint(RecordCheckpointRequest request, ServerCallContext context)
    {
        var command = Requests.Checkpoint(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).RecordCheckpointAsync(command)));
    }

    public override async Task<BatchEventResponse> ShipBatch(ShipBatchRequest request, ServerCallContext context)
    {
        var command = Requests.Ship(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).ShipAsync(command)));
    }

    public override async Task<BatchEventResponse> ReceiveBatch(ReceiveBatchRequest request, ServerCallContext context)
    {
        var command = Requests.Receive(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).ReceiveAsync(command)));
    }

    public override async Task<BatchEventResponse> SplitBatch(SplitBatchRequest request, ServerCallContext context)
    {
        var command = Requests.Split(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).SplitAsync(command)));
    }

    public override async Task<BatchEventResponse> MergeBatches(MergeBatchesRequest request, ServerCallContext context)
    {
        var command = Requests.Merge(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Output).MergeAsync(command)));
    }

    public override async Task<BatchEventResponse> PlaceHold(HoldRequest request, ServerCallContext context)
    {
        var command = Requests.Hold(request, HoldAction.Place);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).ChangeHoldAsync(command)));
    }

    public override async Task<BatchEventResponse> LiftHold(HoldRequest request, ServerCallContext context)
    {
        var command = Requests.Hold(request, HoldAction.Lift);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Batch).ChangeHoldAsync(command)));
    }

    public override async Task<BatchEventResponse> TransformBatches(TransformBatchesRequest request, ServerCallContext context)
    {
        var command = Requests.Transform(request);
        return Replies.Written(CaptureMetrics.Count(await Grain(command.Outputs[0].Batch).TransformAsync(command)));
    }

    public override async Task<Batch> GetBatch(GetBatchRequest request, ServerCallContext context)
    {
        var batch = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, batch);
        return Replies.Batch(await Grain(batch).GetAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist"));
    }

    public override async Task<GetBatchHistoryResponse> GetBatchHistory(GetBatchHistoryRequest request, ServerCallContext context)
    {
        var batch = BatchRef.Parse(request.Gtin, request.Lot);
        if (request.FromVersion < 0)
        {
            throw DomainException.Invalid("from_version", "must not be negative");
        }

        if (request.PageSize is < 0 or > Bounds.HistoryPage)
        {
            throw DomainException.Invalid("page_size", $"must be 1 to {Bounds.HistoryPage} (0 for {Bounds.HistoryPage})");
        }

        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, batch);
        var grain = Grain(batch);
        var state = await grain.GetAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
        var events = await grain.GetHistoryAsync(Math.Max(1, request.FromVersion), request.PageSize == 0 ? Bounds.HistoryPage : request.PageSize);
        var reply = new GetBatchHistoryResponse();
        reply.Events.AddRange(events.Select(Replies.Event));
        var last = events.Count == 0 ? 0 : events[^1].Recorded.Version;
        reply.NextFromVersion = last > 0 && last < state.Version ? last + 1 : 0;
        return reply;
    }

    public override async Task<ListBatchesResponse> ListBatches(ListBatchesRequest request, ServerCallContext context)
    {
        var participant = Gln.Parse(request.ParticipantGln, "participant_gln");
        var listing = request.Listing switch
        {
            V1.BatchListing.Produced => Grains.Storage.BatchListing.Produced,
            V1.BatchListing.Held => Grains.Storage.BatchListing.Held,
            _ => throw DomainException.Invalid("listing", "must be PRODUCED or HELD"),
        };
        if (request.PageSize is < 0 or > Bounds.ListPage)
        {
            throw DomainException.Invalid("page_size", $"must be 1 to {Bounds.ListPage} (0 for 50)");
        }

        var (refs, next) = await index.ListAsync(participant, listing, request.PageSize == 0 ? 50 : request.PageSize, request.PageToken, context.CancellationToken);
        var states = await Task.WhenAll(refs.Select(r => Grain(r).GetAsync()));
        var reply = new ListBatchesResponse { NextPageToken = next ?? "" };
        reply.Batches.AddRange(states.OfType<BatchState>().Select(Replies.Batch));
        return reply;
    }

    private IBatchGrain Grain(BatchRef batch) => grains.GetGrain<IBatchGrain>(batch.Key);
}
