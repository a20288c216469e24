using SupplyChain.Abstractions.Alerts;
namespace SupplyChain.Grains.Alerts;

/// <summary>How alerts are raised.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// How often a batch in transit on a chain with a time limit checks whether it is overdue, after the first check at
    /// the deadline itself: the period of its Orleans reminder (the reminder service's minimum period follows it down).
    /// </summary>
    public TimeSpan TransitCheckPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
