using SupplyChain.Abstractions.Batches;
using System.Diagnostics.Metrics;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;

namespace SupplyChain.Grains.Batches;

/// <summary>Handoff figures in the "SupplyChain" meter: shipments under way and how long they took.</summary>
public static class HandoffMetrics
{
    private static readonly UpDownCounter<long> InTransit = SupplyChainMeter.Meter.CreateUpDownCounter<long>(
        "supplychain.handoffs.in_transit", "{shipment}", "Shipments stored and not yet received or rejected, as counted by this silo since it started");
    private static readonly Histogram<double> Duration = SupplyChainMeter.Meter.CreateHistogram<double>(
        "supplychain.handoffs.duration", "h", "Time from shipping to receipt or rejection, by outcome");

    /// <summary>Counts a stored event against the state the batch had before it.</summary>
    public static void Record(BatchState? before, BatchEvent stored)
    {
        switch (stored)
        {
            case BatchShipped:
                InTransit.Add(1);
                break;
            case BatchReceived or ShipmentRejected when before?.ShippedAt is { } shipped:
                InTransit.Add(-1);
                Duration.Record(Math.Max(0, (stored.EventTime - shipped).TotalHours), new KeyValuePair<string, object?>("outcome", stored is BatchReceived ? "received" : "rejected"));
                break;
        }
    }
}
