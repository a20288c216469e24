using SupplyChain.Abstractions.Epcis;

namespace SupplyChain.Grains.Epcis;

/// <summary>Stored state of a capture job.</summary>
[GenerateSerializer]
[Alias("SupplyChain.CaptureJobState")]
public sealed class CaptureJobState
{
    [Id(0)]
    public CaptureJob? Job { get; set; }
}
