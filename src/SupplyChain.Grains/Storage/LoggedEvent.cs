namespace SupplyChain.Grains.Storage;

/// <summary>One stored event as its log row or page keeps it; no content when the row no longer parses.</summary>
public sealed record LoggedEvent(long Version, DateTimeOffset RecordedAt, string PreviousHash, string Hash, string EventId, string Fingerprint, string? Json);
