using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Links;

/// <summary>A lot the story starts from: made by its producer, not out of other lots.</summary>
public sealed record StoryOrigin(string Lot, string ProductName, StoryParty Producer, DateTimeOffset ProducedAt, Quantity Quantity);
