using Grpc.Core;
using Grpc.Net.Client;
using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>
/// Loads the demonstration data set (fictitious firms, real places) into a running service.
/// Every write is idempotent, so a load that was cut short finishes when run again.
/// </summary>
public static class DemoLoader
{
    /// <summary>Registrations in flight at once.</summary>
    private const int Parallelism = 8;

    /// <summary>Loads the data set; returns 0 when it is (or already was) loaded, else the exit code of the refusal.</summary>
    public static async Task<int> LoadAsync(CallInvoker channel, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(output);
        var catalog = DemoCatalog.Build();
        var participants = new ParticipantService.ParticipantServiceClient(channel);
        var chains = new ChainService.ChainServiceClient(channel);
        var batches = new BatchService.BatchServiceClient(channel);

        output.WriteLine("Loading demonstration data (fictitious) ...");
        try
        {
            var loaded = await IsLoadedAsync(participants, batches, catalog, ct);
            if (loaded == true)
            {
                output.WriteLine("Demonstration data already loaded.");
                return 0;
            }

            if (loaded is null)
            {
                output.WriteLine("  part of it is there from an earlier load: finishing it");
            }

            await ForEachAsync(catalog.Participants, p => $"participant {p.Gln} ({p.Name})",
                (p, token) => participants.RegisterParticipantAsync(p, cancellationToken: token).ResponseAsync, ct);
            output.WriteLine($"  participants: {catalog.Participants.Count} ({CountRoles(catalog.Participants)})");

            await ForEachAsync(catalog.Products, p => $"product {p.Gtin} ({p.Name})",
                (p, token) => participants.RegisterProductAsync(p, cancellationToken: token).ResponseAsync, ct);
            output.WriteLine($"  products: {catalog.Products.Count} ({CountStars(catalog.Products)})");

            foreach (var chain in catalog.Chains)
            {
                await Call($"chain {chain.ChainId}", () => chains.DefineChainAsync(chain, cancellationToken: ct).ResponseAsync);
            }

            output.WriteLine($"  chains: {catalog.Chains.Count} ({string.Join(", ", catalog.Chains.Select(c => c.ChainId))})");

            var (replayed, surprises) = await TellStoriesAsync(batches, catalog.Steps, output, ct);
            output.WriteLine($"  batches: {catalog.BatchCount}, events: {catalog.Steps.Count}" + (replayed > 0 ? $" ({replayed} were already recorded)" : ""));
            if (surprises > 0)
            {
                output.WriteLine($"  warning: {surprises} verdict(s) differ from what the demonstration expects");
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException("demo load cancelled", e, ct);
        }
        catch (RpcException e)
        {
            output.WriteLine($"Loading the demonstration data failed: {e.StatusCode}: {e.Status.Detail}");
            return ExitCode.For(e.StatusCode);
        }

        output.WriteLine("Demonstration data loaded. Try:");
        string[][] hints =
        [
            [$"supplychain batch show {DemoCatalog.SplitChild.Gtin} {DemoCatalog.SplitChild.Lot}", "a rice lot split at Can Tho, now on a supermarket shelf"],
            [$"supplychain chain report {DemoCatalog.FrozenShrimpChain}", "one shipment on the road, one cold-chain excursion"],
            [$"supplychain batch history {DemoCatalog.HeldBatch.Gtin} {DemoCatalog.HeldBatch.Lot}", "dried shrimp on hold after a failed moisture check"],
        ];
        var width = hints.Max(h => h[0].Length);
        foreach (var hint in hints)
        {
            output.WriteLine($"  {hint[0].PadRight(width)}   # {hint[1]}");
        }

        return 0;
    }

    /// <summary>True when the data set is all there, false when none of it is, null when a load stopped part way.</summary>
    private static async Task<bool?> IsLoadedAsync(
        ParticipantService.ParticipantServiceClient participants, BatchService.BatchServiceClient batches, DemoCatalog catalog, CancellationToken ct)
    {
        try
        {
            await participants.GetParticipantAsync(new GetParticipantRequest { Gln = catalog.Participants[0].Gln }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }

        // The first producer is registered first and the last story step is sent last: both there means all there.
        var last = catalog.Steps[^1];
        try
        {
            var history = await batches.GetBatchHistoryAsync(
                new GetBatchHistoryRequest { Gtin = last.Batch.Gtin, Lot = last.Batch.Lot, PageSize = 500 }, cancellationToken: ct);
            return history.Events.Any(e => e.EventId == last.EventId) ? true : null;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<(int Replayed, int Surprises)> TellStoriesAsync(
        BatchService.BatchServiceClient batches, IReadOnlyList<DemoStep> steps, TextWriter output, CancellationToken ct)
    {
        var replayed = 0;
        var surprises = 0;
        foreach (var story in steps.GroupBy(s => s.Story))
        {
            foreach (var step in story)
            {
                var response = await Call($"{step} in story '{step.Story}'", () => SendAsync(batches, step, ct));
                replayed += response.Receipt?.Replayed == true ? 1 : 0;
                if (step.Expected != Verdict.Unspecified && response.Verdict != Verdict.Unspecified && response.Verdict != step.Expected)
                {
                    surprises++;
                    output.WriteLine($"  warning: {step} was judged {response.Verdict}, the demonstration expects {step.Expected}");
                }
            }

            output.WriteLine($"  story: {story.Key} ({story.Count()} events)");
        }

        return (replayed, surprises);
    }

    private static Task<BatchEventResponse> SendAsync(BatchService.BatchServiceClient batches, DemoStep step, CancellationToken ct) => step.Request switch
    {
        CreateBatchRequest r => batches.CreateBatchAsync(r, cancellationToken: ct).ResponseAsync,
        RecordCheckpointRequest r => batches.RecordCheckpointAsync(r, cancellationToken: ct).ResponseAsync,
        ShipBatchRequest r => batches.ShipBatchAsync(r, cancellationToken: ct).ResponseAsync,
        ReceiveBatchRequest r => batches.ReceiveBatchAsync(r, cancellationToken: ct).ResponseAsync,
        SplitBatchRequest r => batches.SplitBatchAsync(r, cancellationToken: ct).ResponseAsync,
        MergeBatchesRequest r => batches.MergeBatchesAsync(r, cancellationToken: ct).ResponseAsync,
        _ => throw new InvalidOperationException($"demo step {step.EventId} holds an unknown request {step.Request.Descriptor.Name}"),
    };

    /// <summary>Sends the requests with a bounded number in flight; a refusal names the request it refused.</summary>
    private static Task ForEachAsync<T>(IReadOnlyList<T> requests, Func<T, string> describe, Func<T, CancellationToken, Task> send, CancellationToken ct) =>
        Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (request, token) => await Call(describe(request), async () =>
            {
                await send(request, token);
                return true;
            }));

    /// <summary>Runs one call; a refusal keeps its status and says which request it was.</summary>
    private static async Task<T> Call<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new RpcException(new Status(e.StatusCode, $"{what}: {e.Status.Detail}", e.Status.DebugException), e.Trailers);
        }
    }

    private static string CountRoles(IEnumerable<RegisterParticipantRequest> participants) =>
        string.Join(", ", participants.SelectMany(p => p.Roles).GroupBy(r => r).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}{(g.Count() == 1 ? "" : "s")}"));

    private static string CountStars(IReadOnlyList<RegisterProductRequest> products)
    {
        var four = products.Count(p => p.OcopStars == 4 && p.OcopPendingStars == 0);
        var three = products.Count(p => p.OcopStars == 3 && p.OcopPendingStars == 0);
        var pending = products.Count(p => p.OcopPendingStars == 5);
        return $"{four} four-star, {three} three-star, {pending} four-star with a five-star assessment pending";
    }
}
