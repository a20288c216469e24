extern alias server;

using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using SupplyChain.Grains;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;
using CaptureMetrics = server::SupplyChain.Server.Api.CaptureMetrics;

namespace SupplyChain.Server.Tests;

/// <summary>The host's and the grains' instruments share one meter, so a listener of "SupplyChain" sees them all once.</summary>
public sealed class MeterTests
{
    [Fact]
    public void Capture_and_handoff_instruments_are_on_the_one_SupplyChain_meter()
    {
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == SupplyChainMeter.Name)
                {
                    lock (found)
                    {
                        found.Add(instrument);
                    }
                }
            },
        };
        RuntimeHelpers.RunClassConstructor(typeof(CaptureMetrics).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(HandoffMetrics).TypeHandle);
        listener.Start();

        string[] expected = ["supplychain.checkpoints.failed", "supplychain.events.captured", "supplychain.events.replayed", "supplychain.handoffs.duration", "supplychain.handoffs.in_transit"];
        Assert.Equal(expected, found.Select(i => i.Name).Where(expected.Contains).Order(StringComparer.Ordinal));
        Assert.All(found, instrument => Assert.Same(SupplyChainMeter.Meter, instrument.Meter));
    }
}
