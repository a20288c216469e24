using System.Diagnostics.Metrics;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Grains;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;

namespace SupplyChain.Server.Api;

/// <summary>Counters of what the service captures, in the "SupplyChain" meter.</summary>
public static class CaptureMetrics
{
    private static readonly Counter<long> Captured = SupplyChainMeter.Meter.CreateCounter<long>("supplychain.events.captured", "{event}", "Batch events stored, by type");
    private static readonly Counter<long> Replayed = SupplyChainMeter.Meter.CreateCounter<long>("supplychain.events.replayed", "{event}", "Retried writes answered from the log");
    private static readonly Counter<long> FailedChecks = SupplyChainMeter.Meter.CreateCounter<long>("supplychain.checkpoints.failed", "{checkpoint}", "Checkpoints judged FAIL, by kind");

    public static BatchReply Count(BatchReply reply)
    {
        if (reply.Replayed)
        {
            Replayed.Add(1);
            return reply;
        }

        var e = reply.Event.Event;
        Captured.Add(1, new KeyValuePair<string, object?>("type", e.GetType().Name));
        if (e is CheckpointRecorded { Verdict: Verdict.Fail } check)
        {
            FailedChecks.Add(1, new KeyValuePair<string, object?>("kind", check.Kind.ToString()));
        }

        return reply;
    }
}
