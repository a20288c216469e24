namespace SupplyChain.Grains.Epcis;

/// <summary>How EPCIS subscriptions poll their queries (section "Subscriptions").</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>How often an active subscription runs its query past its position.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The period of the reminder that brings a subscription back after a restart, on any silo.</summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
