using SupplyChain.Domain.Deliveries;

namespace SupplyChain.Grains.Deliveries;

/// <summary>How deliveries (webhooks) are tried.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Deliveries";

    /// <summary>The wait after a first failed attempt; it doubles after each next failure.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The period of the reminder a destination with deliveries pending keeps: after a crash it brings the destination
    /// back (on any silo) within this time (the reminder service's minimum period follows it down).
    /// </summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public DeliveryBackoff Backoff => new(FirstRetry, LongestRetry);
}
