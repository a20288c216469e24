using SupplyChain.Domain.Deliveries;

namespace SupplyChain.Grains.Storage;

/// <summary>A delivery in a destination's outbox: how often it failed so far and when it is tried next.</summary>
public sealed record PendingDelivery(Delivery Delivery, int Failures, DateTimeOffset NextAttemptAt);
