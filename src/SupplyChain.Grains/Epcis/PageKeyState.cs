namespace SupplyChain.Grains.Epcis;

/// <summary>Stored state of the page-token key.</summary>
[GenerateSerializer]
[Alias("SupplyChain.PageKeyState")]
public sealed class PageKeyState
{
    [Id(0)]
    public byte[]? Key { get; set; }
}
