using Grpc.Core;
using SupplyChain.Application.Epcis;
using SupplyChain.Application.Traces;
using SupplyChain.Domain;
using SupplyChain.Domain.Identifiers;
using SupplyChain.V1;
using BatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Api;

/// <summary>gRPC TraceService: reads each request, calls the application's traces, recalls, exports and import, maps the reply.</summary>
public sealed class TraceApi(TraceQueries traces, TraceExports exports, Recalls recalls, EpcisImporter importer, AlertStreams alerts) : TraceService.TraceServiceBase
{
    public const string EpcisMediaType = "application/ld+json";

    public const string CsvMediaType = "text/csv";

    public override async Task<TraceBackResponse> TraceBack(TraceBackRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        var trace = await traces.BackAsync(CallerClaims.Of(context), root, request.HasMaxDepth ? request.MaxDepth : null, context.CancellationToken);
        return TraceReplies.Back(trace.Genealogy, trace.MaxDepth, trace.Products, trace.Producers);
    }

    public override async Task<TraceForwardResponse> TraceForward(TraceForwardRequest request, ServerCallContext context) =>
        TraceReplies.Forward(await traces.ForwardAsync(CallerClaims.Of(context), BatchRef.Parse(request.Gtin, request.Lot), context.CancellationToken));

    public override async Task<GetChainOfCustodyResponse> GetChainOfCustody(GetChainOfCustodyRequest request, ServerCallContext context) =>
        TraceReplies.Custody(await traces.CustodyAsync(CallerClaims.Of(context), BatchRef.Parse(request.Gtin, request.Lot)));

    public override async Task<VerifyBatchResponse> VerifyBatch(VerifyBatchRequest request, ServerCallContext context)
    {
        var batch = BatchRef.Parse(request.Gtin, request.Lot);
        return TraceReplies.Verification(batch, await traces.VerifyAsync(CallerClaims.Of(context), batch));
    }

    public override async Task<RecallResponse> Recall(RecallRequest request, ServerCallContext context)
    {
        var command = Requests.Recall(request);
        var recall = await recalls.RecallAsync(CallerClaims.Of(context), command);
        var downstream = recall.Downstream.Select(d => d.Reply is { } reply ? TraceReplies.Recalled(reply, d.Depth) : TraceReplies.AlreadyRecalled(d.State, d.Depth)).ToList();
        return TraceReplies.Recall(command, TraceReplies.Recalled(recall.Root, 0), downstream, recall.Root.Replayed);
    }

    public override Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<Alert> responseStream, ServerCallContext context) =>
        alerts.WatchAsync(request, responseStream, context);

    public override async Task<ImportEpcisResponse> ImportEpcis(ImportEpcisRequest request, ServerCallContext context)
    {
        var actor = Gln.Parse(request.ActorGln, "actor_gln");
        var receiver = Gln.ParseOptional(request.ReceiverGln, "receiver_gln");
        var imported = await importer.ImportAsync(CallerClaims.Of(context), actor, receiver, request.Document, context.CancellationToken);
        foreach (var (_, reply) in imported.Applied)
        {
            CaptureMetrics.Count(reply);
        }

        return TraceReplies.Import(imported);
    }

    public override async Task<ExportEpcisResponse> ExportEpcis(ExportEpcisRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        var direction = request.Direction switch
        {
            V1.TraceDirection.Unspecified or V1.TraceDirection.Back => Application.Traces.TraceDirection.Back,
            V1.TraceDirection.Forward => Application.Traces.TraceDirection.Forward,
            _ => throw DomainException.Invalid("direction", "must be BACK or FORWARD"),
        };
        var exported = await exports.EpcisAsync(CallerClaims.Of(context), root, direction, context.CancellationToken);
        return new ExportEpcisResponse { Document = exported.Text, MediaType = EpcisMediaType, BatchCount = exported.BatchCount, EventCount = exported.Entries };
    }

    public override async Task<ExportTraceabilityCsvResponse> ExportTraceabilityCsv(ExportTraceabilityCsvRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        var (from, to) = (Requests.Time(request.From, "from"), Requests.Time(request.To, "to"));
        var exported = await exports.CsvAsync(CallerClaims.Of(context), root, from, to, context.CancellationToken);
        return new ExportTraceabilityCsvResponse { Csv = exported.Text, MediaType = CsvMediaType, BatchCount = exported.BatchCount, RowCount = exported.Entries };
    }
}
