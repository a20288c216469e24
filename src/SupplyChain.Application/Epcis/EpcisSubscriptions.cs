using System.Security.Cryptography;
using System.Text.Json;
using SupplyChain.Abstractions.Deliveries;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Deliveries;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Application.Epcis;

/// <summary>A new subscription's status and, when the server chose it, the secret its deliveries are signed with (shown once).</summary>
public sealed record Subscribed(SubscriptionStatus Status, string? MadeSecret);

/// <summary>
/// Webhook subscriptions to named queries: anyone who may read a query subscribes to it; the query runs with the
/// subscriber's rights on every delivery; only the subscriber or an administrator sees or ends a subscription.
/// </summary>
public sealed class EpcisSubscriptions(IGrainFactory grains, NamedQueries queries, EpcisEvents events, TimeProvider clock)
{
    private INamedQueriesGrain Book => grains.GetGrain<INamedQueriesGrain>(INamedQueriesGrain.Key);

    public async Task<Subscribed> SubscribeAsync(Caller caller, string queryName, JsonElement body, CancellationToken ct)
    {
        Rulebook.Permit(caller, Act.Subscribe);
        var query = await queries.GetAsync(caller, queryName);
        var subscription = Subscription.Define(body, Guid.NewGuid().ToString("N"), query.Name, caller, clock.GetUtcNow());
        var given = body.TryGetProperty("signatureToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        var secret = string.IsNullOrEmpty(given) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant() : given;
        var endpoint = DeliveryEndpoint.Parse(subscription.Dest, secret);

        // The query is run once now in the subscriber's name, so one it may not read is refused here, not in every delivery.
        await events.QueryAsync(caller, EventQueryParser.Parse(SubscriptionPump.Parameters(query, null, subscription.InitialRecordTime)), ct);
        await grains.GetGrain<IDeliveryGrain>(SubscriptionPump.Destination(subscription.Id)).ConfigureAsync(endpoint);
        if (!await Book.AddSubscriptionAsync(query.Name, subscription.Id))
        {
            throw DomainException.NotFound($"queryName: no named query '{query.Name}'");
        }

        var status = await grains.GetGrain<IEpcisSubscriptionGrain>(subscription.Id).StartAsync(subscription);
        return new Subscribed(status, string.IsNullOrEmpty(given) ? secret : null);
    }

    /// <summary>The query's subscriptions the caller may see: its own, or all of them for an administrator.</summary>
    public async Task<IReadOnlyList<SubscriptionStatus>> ListAsync(Caller caller, string queryName)
    {
        var query = await queries.GetAsync(caller, queryName);
        var all = await Task.WhenAll((await Book.SubscriptionsAsync(query.Name)).Select(id => grains.GetGrain<IEpcisSubscriptionGrain>(id).GetAsync()));
        return all.OfType<SubscriptionStatus>().Where(s => caller.Admin || s.Subscription.Maker == caller.Subject).OrderBy(s => s.Subscription.CreatedAt).ToList();
    }

    public async Task<SubscriptionStatus> GetAsync(Caller caller, string queryName, string subscriptionId)
    {
        var status = await FindAsync(caller, queryName, subscriptionId);
        Rulebook.PermitMaker(caller, Act.Subscribe, status.Subscription.Maker, $"subscription {subscriptionId}");
        return status;
    }

    /// <summary>The subscription's latest delivery attempts, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(Caller caller, string queryName, string subscriptionId, int max)
    {
        await GetAsync(caller, queryName, subscriptionId);
        return await grains.GetGrain<IDeliveryGrain>(SubscriptionPump.Destination(subscriptionId)).AttemptsAsync(max);
    }

    public async Task UnsubscribeAsync(Caller caller, string queryName, string subscriptionId)
    {
        var status = await GetAsync(caller, queryName, subscriptionId);
        await grains.GetGrain<IEpcisSubscriptionGrain>(subscriptionId).StopAsync();
        await Book.RemoveSubscriptionAsync(status.Subscription.QueryName, subscriptionId);
    }

    private async Task<SubscriptionStatus> FindAsync(Caller caller, string queryName, string subscriptionId)
    {
        var query = await queries.GetAsync(caller, queryName);
        var status = (await Book.SubscriptionsAsync(query.Name)).Contains(subscriptionId)
            ? await grains.GetGrain<IEpcisSubscriptionGrain>(subscriptionId).GetAsync()
            : null;
        return status ?? throw DomainException.NotFound($"subscriptionID: query '{query.Name}' has no subscription '{subscriptionId}'");
    }
}
