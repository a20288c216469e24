using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Links;

/// <summary>
/// One step on a lot's timeline: when, what, which lot, who did it, where, how much, and for a check or a receipt with
/// readings its name and verdict. Related lots are the other side of a split, merge or transformation.
/// </summary>
public sealed record StoryStep(
    DateTimeOffset At,
    StoryStepKind Kind,
    string Lot,
    string ProductName,
    StoryParty Actor,
    StoryParty? Counterparty,
    StoryParty Place,
    Quantity? Quantity,
    string Check,
    CheckpointKind? CheckKind,
    Verdict? Verdict,
    string Reference,
    IReadOnlyList<string> RelatedLots);
