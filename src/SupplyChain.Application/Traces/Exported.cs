namespace SupplyChain.Application.Traces;

/// <summary>A trace written out as a document (EPCIS JSON-LD or a CSV of key data elements), with what it holds.</summary>
/// <param name="Entries">The EPCIS events or CSV rows it holds.</param>
public sealed record Exported(string Text, int BatchCount, int Entries);
