using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Links;

/// <summary>
/// What the page of a lot tells whoever scans its code: the product and its OCOP rating, the producer and place, the
/// lot's dates, a warning when it is recalled or held, every step from its origin lots to its holder, and whether
/// every record in the story verified. Only public data: business names, places, GLNs and GTINs.
/// </summary>
public sealed record LotStory(
    string Link,
    string Lot,
    StoryProduct Product,
    StoryParty Producer,
    StoryParty Holder,
    Quantity Quantity,
    BatchStatus Status,
    string? Warning,
    DateTimeOffset ProducedAt,
    DateOnly? ExpiresOn,
    IReadOnlyList<StoryStep> Timeline,
    IReadOnlyList<StoryOrigin> Origins,
    int Batches,
    bool Verified)
{
    /// <summary>Checks and receipts with readings, in time order: what the page lists as checks passed or failed.</summary>
    public IReadOnlyList<StoryStep> Checks => Timeline.Where(step => step.Verdict is not null).ToList();

    public bool Alarming => Status is BatchStatus.Recalled or BatchStatus.OnHold;
}
