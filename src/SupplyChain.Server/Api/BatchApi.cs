using Grpc.Core;
using SupplyChain.Application.Batches;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.V1;
using BatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Api;

/// <summary>gRPC BatchService: reads each request, calls the application's batch commands and queries, maps the reply.</summary>
public sealed class BatchApi(BatchCommands commands, BatchQueries queries) : BatchService.BatchServiceBase
{
    public override async Task<BatchEventResponse> CreateBatch(CreateBatchRequest request, ServerCallContext context) =>
        Written(await commands.CreateAsync(CallerClaims.Of(context), Requests.Create(request)));

    public override async Task<BatchEventResponse> RecordCheckpoint(RecordCheckpointRequest request, ServerCallContext context) =>
        Written(await commands.RecordCheckpointAsync(CallerClaims.Of(context), Requests.Checkpoint(request)));

    public override async Task<BatchEventResponse> ShipBatch(ShipBatchRequest request, ServerCallContext context) =>
        Written(await commands.ShipAsync(CallerClaims.Of(context), Requests.Ship(request)));

    public override async Task<BatchEventResponse> ReceiveBatch(ReceiveBatchRequest request, ServerCallContext context) =>
        Written(await commands.ReceiveAsync(CallerClaims.Of(context), Requests.Receive(request)));

    public override async Task<BatchEventResponse> SplitBatch(SplitBatchRequest request, ServerCallContext context) =>
        Written(await commands.SplitAsync(CallerClaims.Of(context), Requests.Split(request)));

    public override async Task<BatchEventResponse> MergeBatches(MergeBatchesRequest request, ServerCallContext context) =>
        Written(await commands.MergeAsync(CallerClaims.Of(context), Requests.Merge(request)));

    public override async Task<BatchEventResponse> PlaceHold(HoldRequest request, ServerCallContext context) =>
        Written(await commands.ChangeHoldAsync(CallerClaims.Of(context), Requests.Hold(request, HoldAction.Place)));

    public override async Task<BatchEventResponse> LiftHold(HoldRequest request, ServerCallContext context) =>
        Written(await commands.ChangeHoldAsync(CallerClaims.Of(context), Requests.Hold(request, HoldAction.Lift)));

    public override async Task<BatchEventResponse> TransformBatches(TransformBatchesRequest request, ServerCallContext context) =>
        Written(await commands.TransformAsync(CallerClaims.Of(context), Requests.Transform(request)));

    public override async Task<Batch> GetBatch(GetBatchRequest request, ServerCallContext context) =>
        Replies.Batch(await queries.GetAsync(CallerClaims.Of(context), BatchRef.Parse(request.Gtin, request.Lot)));

    public override async Task<GetBatchHistoryResponse> GetBatchHistory(GetBatchHistoryRequest request, ServerCallContext context)
    {
        var batch = BatchRef.Parse(request.Gtin, request.Lot);
        var history = await queries.HistoryAsync(CallerClaims.Of(context), batch, request.FromVersion, request.PageSize);
        var reply = new GetBatchHistoryResponse { NextFromVersion = history.NextFromVersion };
        reply.Events.AddRange(history.Events.Select(e => Replies.Event(e, history.Declarations.GetValueOrDefault(e.Recorded.Version))));
        return reply;
    }

    public override async Task<ListBatchesResponse> ListBatches(ListBatchesRequest request, ServerCallContext context)
    {
        var participant = Gln.Parse(request.ParticipantGln, "participant_gln");
        var listing = request.Listing switch
        {
            V1.BatchListing.Produced => Abstractions.Batches.BatchListing.Produced,
            V1.BatchListing.Held => Abstractions.Batches.BatchListing.Held,
            _ => throw DomainException.Invalid("listing", "must be PRODUCED or HELD"),
        };
        var page = await queries.ListAsync(CallerClaims.Of(context), participant, listing, request.PageSize, request.PageToken);
        var reply = new ListBatchesResponse { NextPageToken = page.Next ?? "" };
        reply.Batches.AddRange(page.Batches.Select(Replies.Batch));
        return reply;
    }

    private static BatchEventResponse Written(Abstractions.Batches.BatchReply reply) => Replies.Written(CaptureMetrics.Count(reply));
}
