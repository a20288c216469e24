namespace SupplyChain.Server.Epcis;

/// <summary>Settings of the EPCIS 2.0 REST door (section "Epcis").</summary>
public sealed class EpcisOptions
{
    public const string Section = "Epcis";

    /// <summary>Where the binding is served on the HTTP/1.1 port.</summary>
    public string BasePath { get; set; } = "/epcis";

    /// <summary>The most events one capture takes (GS1-EPCIS-Capture-Limit).</summary>
    public int CaptureLimit { get; set; } = 10_000;

    /// <summary>The largest capture body in bytes (GS1-EPCIS-Capture-File-Size-Limit).</summary>
    public int CaptureFileSizeLimit { get; set; } = SupplyChain.Domain.Bounds.MessageBytes;
}
