namespace SupplyChain.Domain.Epcis;

/// <summary>Everything one EPCIS document says in our terms, in document order, and what of it was not kept.</summary>
public sealed record EpcisCapture(int EventCount, IReadOnlyList<ImportedEvent> Events, IReadOnlyList<ImportNote> Notes);
