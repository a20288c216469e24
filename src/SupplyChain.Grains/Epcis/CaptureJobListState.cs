namespace SupplyChain.Grains.Epcis;

/// <summary>Stored state of a sender's list of capture jobs.</summary>
[GenerateSerializer]
[Alias("SupplyChain.CaptureJobListState")]
public sealed class CaptureJobListState
{
    [Id(0)]
    public List<string> Jobs { get; set; } = [];
}
