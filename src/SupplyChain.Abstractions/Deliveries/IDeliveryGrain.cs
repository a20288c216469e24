using Orleans.Concurrency;
using SupplyChain.Domain.Deliveries;

namespace SupplyChain.Abstractions.Deliveries;

/// <summary>
/// One destination's deliveries (keyed by what it serves: "participant/{gln}" for a participant's webhook): its
/// endpoint, a durable outbox tried until each delivery is made, with back-off across restarts, and the log of attempts.
/// </summary>
[Alias("SupplyChain.IDeliveryGrain")]
public interface IDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Sets (or replaces) where deliveries go and the secret they are signed with; later deliveries go there.</summary>
    [Alias("Configure")]
    Task ConfigureAsync(DeliveryEndpoint endpoint);

    /// <summary>Queues a delivery (stored before this returns): false when the destination has no endpoint or has it already.</summary>
    [Alias("Enqueue"), AlwaysInterleave]
    Task<bool> EnqueueAsync(Delivery delivery);

    /// <summary>The latest attempts, newest first, at most <paramref name="max"/>.</summary>
    [Alias("Attempts"), AlwaysInterleave]
    Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(int max);

    /// <summary>Deliveries not made yet.</summary>
    [Alias("Pending"), AlwaysInterleave]
    Task<int> PendingAsync();

    /// <summary>Whether a delivery was made (null when the destination has no endpoint).</summary>
    [Alias("Delivered"), AlwaysInterleave]
    Task<bool?> DeliveredAsync(string deliveryId);

    /// <summary>The endpoint, or null when none is set.</summary>
    [Alias("Endpoint"), AlwaysInterleave]
    Task<DeliveryEndpoint?> EndpointAsync();
}
