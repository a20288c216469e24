namespace SupplyChain.Grains.Storage;

/// <summary>A commit refused because a sweep has taken the writer's journal over: nothing of it was stored.</summary>
public sealed class JournalFencedException(string message) : Exception(message);
