using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SupplyChain.Abstractions.Deliveries;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Deliveries;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Application.Epcis;

/// <summary>
/// One step of a subscription: its named query read past its position with the subscriber's rights, one page queued as
/// one delivery. A reading keeps its horizon across pages (the page token holds it); once read to the end, the next
/// starts at that horizon, so no event below it is skipped and none is sent twice within a delivery.
/// </summary>
public sealed class SubscriptionPump(IGrainFactory grains, EpcisEvents events) : ISubscriptionPump
{
    /// <summary>Events per delivery: a delivery is stored in one table row before it is sent.</summary>
    public const int PerDelivery = 10;

    public async Task<SubscriptionStep> StepAsync(Subscription subscription, string? resume, DateTimeOffset start, CancellationToken ct)
    {
        if (await grains.GetGrain<INamedQueriesGrain>(INamedQueriesGrain.Key).GetAsync(subscription.QueryName) is not { } query)
        {
            return new SubscriptionStep(resume, start, 0, QueryGone: true);
        }

        var page = await events.QueryAsync(subscription.Subscriber(), EventQueryParser.Parse(Parameters(query, resume, start)), ct);
        if (page.Events.Count > 0)
        {
            var document = events.Document(page);
            var results = document["epcisBody"]!["queryResults"]!.AsObject();
            results["queryName"] = subscription.QueryName;
            results["subscriptionID"] = subscription.Id;
            var queued = await grains.GetGrain<IDeliveryGrain>(Destination(subscription.Id))
                .EnqueueAsync(new Delivery(DeliveryId(subscription.Id, resume, start, page.Horizon), "application/ld+json", document.ToJsonString()));
            if (!queued && await grains.GetGrain<IDeliveryGrain>(Destination(subscription.Id)).EndpointAsync() is null)
            {
                throw new InvalidOperationException($"subscription {subscription.Id} has no delivery endpoint");
            }
        }

        return page.NextPageToken is { } next
            ? new SubscriptionStep(next, start, page.Events.Count, false)
            : new SubscriptionStep(null, page.Horizon is { } horizon && horizon > start ? horizon : start, page.Events.Count, false);
    }

    /// <summary>The destination a subscription's deliveries are queued under.</summary>
    public static string Destination(string subscriptionId) => "subscription/" + subscriptionId;

    /// <summary>The named query's parameters, from the reading's start on; a start the definition itself sets later wins.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Parameters(NamedQuery query, string? resume, DateTimeOffset start)
    {
        var parameters = new Dictionary<string, IReadOnlyList<string>>(query.Parameters, StringComparer.Ordinal) { ["perPage"] = [PerDelivery.ToString(CultureInfo.InvariantCulture)] };
        var defined = query.Parameters.TryGetValue("GE_recordTime", out var ge) ? EventQueryParser.Parse(new Dictionary<string, IReadOnlyList<string>> { ["GE_recordTime"] = ge }).GeRecordTime : null;
        parameters["GE_recordTime"] = [(defined > start ? defined.Value : start).ToString("O", CultureInfo.InvariantCulture)];
        if (resume is not null)
        {
            parameters["nextPageToken"] = [resume];
        }

        return parameters;
    }

    /// <summary>The same step (position and horizon) always makes the same delivery id, so a repeated step is queued once.</summary>
    private static string DeliveryId(string subscriptionId, string? resume, DateTimeOffset start, DateTimeOffset? horizon) =>
        subscriptionId + "/" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{resume}|{start:O}|{horizon:O}")))[..24].ToLowerInvariant();
}
