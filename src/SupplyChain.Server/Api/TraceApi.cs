using Grpc.Core;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Traces;
using SupplyChain.Grains.Batches;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Storage;
using SupplyChain.V1;
using BatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Api;

/// <summary>
/// gRPC TraceService. Traces run here, in the service layer, so no single grain carries every trace: each level of a
/// genealogy is asked of its batch grains in parallel (bounded), and each answers from memory once warm.
/// Verification reads the batch's rows from storage itself, not what any grain remembers.
/// </summary>
public sealed class TraceApi(IGrainFactory grains, BatchLogStore log, TimeProvider clock, EpcisImporter importer, AlertStreams alerts) : TraceService.TraceServiceBase
{
    /// <summary>Grain calls in flight at once for one trace.</summary>
    public const int Concurrency = Bounded.Concurrency;

    public const string EpcisMediaType = "application/ld+json";

    public const string CsvMediaType = "text/csv";

    public override async Task<TraceBackResponse> TraceBack(TraceBackRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, root);
        var maxDepth = request.HasMaxDepth ? request.MaxDepth : Bounds.TraceDepth;
        if (maxDepth is < 0 or > Bounds.TraceDepth)
        {
            throw DomainException.Invalid("max_depth", $"{maxDepth} is not 0 to {Bounds.TraceDepth}");
        }

        var ct = context.CancellationToken;
        var genealogy = await Genealogy.TraceBackAsync(root, level => FetchAsync(level, ct), maxDepth);
        var members = genealogy.Members.Select(m => m.Node.State).ToList();
        var products = await Bounded.LookUpAsync(members.Select(s => s.Ref.Gtin).Distinct().ToList(), async gtin => (await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product, ct);
        var producers = await Bounded.LookUpAsync(members.Select(s => s.Producer).Distinct().ToList(), async gln => (await grains.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant, ct);
        return TraceReplies.Back(genealogy, maxDepth, products, producers);
    }

    public override async Task<TraceForwardResponse> TraceForward(TraceForwardRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, root);
        var genealogy = await Genealogy.TraceForwardAsync(root, level => FetchAsync(level, context.CancellationToken));
        return TraceReplies.Forward(genealogy);
    }

    public override async Task<GetChainOfCustodyResponse> GetChainOfCustody(GetChainOfCustodyRequest request, ServerCallContext context)
    {
        var batch = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, batch);
        var node = await grains.GetGrain<IBatchGrain>(batch.Key).GetTraceNodeAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
        return TraceReplies.Custody(node);
    }

    public override async Task<VerifyBatchResponse> VerifyBatch(VerifyBatchRequest request, ServerCallContext context)
    {
        var batch = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, batch);
        // The batch writes out what only its journal holds (and a log in an older layout is brought into the current one).
        await grains.GetGrain<IBatchGrain>(batch.Key).WriteOutNowAsync();
        var (events, head) = await log.ReadStoredChainAsync(batch, context.CancellationToken);
        if (events.Count == 0 && head is null)
        {
            throw DomainException.NotFound($"batch {batch} does not exist");
        }

        return TraceReplies.Verification(batch, LogVerifier.Verify(batch, events, head));
    }

    public override async Task<RecallResponse> Recall(RecallRequest request, ServerCallContext context)
    {
        var command = Requests.Recall(request);
        var root = await grains.GetGrain<IBatchGrain>(command.Batch.Key).RecallAsync(command);

        // The root's recall is stored: a retry with the same event id walks again and finishes what this call does not.
        // The walk goes on if the client leaves: a recall half done helps nobody.
        var genealogy = await Genealogy.RecallScopeAsync(command.Batch, level => FetchAsync(level, CancellationToken.None));
        var scope = genealogy.Members.Where(m => m.Depth > 0).ToList();
        var recalled = new RecalledBatch[scope.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scope.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, _) => recalled[i] = await RecallDownstreamAsync(command, scope[i]));
        return TraceReplies.Recall(command, TraceReplies.Recalled(root, 0), recalled, root.Replayed);
    }

    public override async Task WatchAlerts(WatchAlertsRequest request, IServerStreamWriter<Alert> responseStream, ServerCallContext context)
    {
        if (request.AudienceCase == WatchAlertsRequest.AudienceOneofCase.ChainId)
        {
            await Readers.CheckChainAsync(CallerClaims.Of(context), grains, Domain.Chains.ChainDefinition.ParseId(request.ChainId));
        }

        await alerts.WatchAsync(request, responseStream, context);
    }

    public override Task<ImportEpcisResponse> ImportEpcis(ImportEpcisRequest request, ServerCallContext context) =>
        importer.ImportAsync(request, CallerClaims.Of(context), context.CancellationToken);

    public override async Task<ExportEpcisResponse> ExportEpcis(ExportEpcisRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, root);
        var ct = context.CancellationToken;
        var genealogy = request.Direction switch
        {
            TraceDirection.Unspecified or TraceDirection.Back => await Genealogy.TraceBackAsync(root, level => FetchAsync(level, ct)),
            TraceDirection.Forward => await Genealogy.TraceForwardAsync(root, level => FetchAsync(level, ct)),
            _ => throw DomainException.Invalid("direction", "must be BACK or FORWARD"),
        };
        var members = genealogy.Members.Select(m => m.Node.State).ToList();
        var (logs, names) = (await LogsAsync(members, ct), await ProductNamesAsync(members, ct));
        var document = EpcisExport.Document(logs, clock.GetUtcNow(), names);
        return new ExportEpcisResponse
        {
            Document = EpcisExport.Text(document), MediaType = EpcisMediaType, BatchCount = members.Count, EventCount = EpcisExport.EventCount(document),
        };
    }

    public override async Task<ExportTraceabilityCsvResponse> ExportTraceabilityCsv(ExportTraceabilityCsvRequest request, ServerCallContext context)
    {
        var root = BatchRef.Parse(request.Gtin, request.Lot);
        await Readers.CheckBatchAsync(CallerClaims.Of(context), grains, root);
        var (from, to) = (Requests.Time(request.From, "from"), Requests.Time(request.To, "to"));
        if (from is { } start && to is { } end && end < start)
        {
            throw DomainException.Invalid("to", $"{end:O} is before from {start:O}");
        }

        var ct = context.CancellationToken;
        var back = Genealogy.TraceBackAsync(root, level => FetchAsync(level, ct));
        var forward = Genealogy.TraceForwardAsync(root, level => FetchAsync(level, ct));
        var members = (await back).Members.Concat((await forward).Members).Select(m => m.Node.State).DistinctBy(s => s.Ref).ToList();
        var (logs, names) = (await LogsAsync(members, ct), await ProductNamesAsync(members, ct));
        return new ExportTraceabilityCsvResponse
        {
            Csv = TraceabilityCsv.Write(logs, names, from, to),
            MediaType = CsvMediaType,
            BatchCount = members.Count,
            RowCount = TraceabilityCsv.Records(logs, names, from, to).Count,
        };
    }

    private async Task<RecalledBatch> RecallDownstreamAsync(RecallBatch root, GenealogyMember member)
    {
        try
        {
            var reply = await grains.GetGrain<IBatchGrain>(member.Node.State.Ref.Key).RecallAsync(BatchRules.RecallDownstream(root, member.Node.State.Ref));
            return TraceReplies.Recalled(reply, member.Depth);
        }
        catch (DomainException refused) when (refused.Refusal == Refusal.FailedPrecondition)
        {
            // Recalled before by another recall: in scope, and its custodian was told then.
            var state = await grains.GetGrain<IBatchGrain>(member.Node.State.Ref.Key).GetAsync() ?? member.Node.State;
            return TraceReplies.AlreadyRecalled(state, member.Depth);
        }
    }

    /// <summary>Every stored event of each batch up to the version its trace saw, read from storage, at most <see cref="Concurrency"/> reads at once.</summary>
    private async Task<IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)>> LogsAsync(IReadOnlyList<BatchState> batches, CancellationToken ct)
    {
        var logs = new (BatchRef Batch, IReadOnlyList<RecordedEvent> Events)[batches.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, batches.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (i, token) =>
            {
                await grains.GetGrain<IBatchGrain>(batches[i].Ref.Key).WriteOutNowAsync();
                var stored = await log.ReadEventsAsync(batches[i].Ref, 1, checked((int)batches[i].Version), token);
                logs[i] = (batches[i].Ref, stored.Select(e => e.Recorded).ToList());
            });
        return logs;
    }

    private async Task<IReadOnlyDictionary<Domain.Identifiers.Gtin, string>> ProductNamesAsync(IReadOnlyList<BatchState> batches, CancellationToken ct)
    {
        var products = await Bounded.LookUpAsync(batches.Select(s => s.Ref.Gtin).Distinct().ToList(), async gtin => (await grains.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product, ct);
        return products.ToDictionary(p => p.Key, p => p.Value.Name);
    }

    /// <summary>One level of a genealogy: every batch's node, in order, with at most <see cref="Concurrency"/> calls in flight.</summary>
    private async Task<IReadOnlyList<TraceNode?>> FetchAsync(IReadOnlyList<BatchRef> level, CancellationToken ct)
    {
        if (level.Count <= Concurrency)
        {
            // A small level is within the bound as it is; a deep chain of one-batch levels skips the scheduling.
            return await Task.WhenAll(level.Select(batch => grains.GetGrain<IBatchGrain>(batch.Key).GetTraceNodeAsync()));
        }

        var nodes = new TraceNode?[level.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, level.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
            async (i, _) => nodes[i] = await grains.GetGrain<IBatchGrain>(level[i].Key).GetTraceNodeAsync());
        return nodes;
    }
}
