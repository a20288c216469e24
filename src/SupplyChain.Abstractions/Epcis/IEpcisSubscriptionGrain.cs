using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Abstractions.Epcis;

/// <summary>Where a subscription stands: its definition, how far its deliveries reach, and what they carried.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.SubscriptionStatus")]
public sealed record SubscriptionStatus(
    [property: Id(0)] Subscription Subscription,
    [property: Id(1)] DateTimeOffset ReachedRecordTime,
    [property: Id(2)] long Deliveries,
    [property: Id(3)] long Events,
    [property: Id(4)] DateTimeOffset? LastQueuedAt);

/// <summary>
/// One subscription (keyed by its id): keeps its position in record time and, every poll, queues the events its query
/// matches past that position as one delivery, then moves on; a reminder brings it back after a restart.
/// </summary>
[Alias("SupplyChain.IEpcisSubscriptionGrain")]
public interface IEpcisSubscriptionGrain : IGrainWithStringKey
{
    /// <summary>Stores the subscription and starts it; the same one again is a no-op.</summary>
    [Alias("Start")]
    Task<SubscriptionStatus> StartAsync(Subscription subscription);

    /// <summary>The status, or null when there is no such subscription.</summary>
    [Alias("Get")]
    Task<SubscriptionStatus?> GetAsync();

    /// <summary>Stops and forgets the subscription; false when there was none.</summary>
    [Alias("Stop")]
    Task<bool> StopAsync();
}

/// <summary>One step of a subscription: the query run past its position, its events queued as one delivery.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.SubscriptionStep")]
public sealed record SubscriptionStep(
    [property: Id(0)] string? Resume,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] int Events,
    [property: Id(3)] bool QueryGone);

/// <summary>Runs a subscription's query past its position and queues what it finds (the application's side of the pump).</summary>
public interface ISubscriptionPump
{
    /// <param name="resume">The page token of a reading under way, or null to start one at <paramref name="start"/>.</param>
    Task<SubscriptionStep> StepAsync(Subscription subscription, string? resume, DateTimeOffset start, CancellationToken ct);
}
