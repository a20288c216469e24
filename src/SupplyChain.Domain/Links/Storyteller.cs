using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Links;

/// <summary>
/// Turns a lot's backward genealogy into the story its page tells. An upstream lot contributes only what happened to
/// it until the last lot of the story was made from it: a parent's later shipments of other lots are not this lot's story.
/// </summary>
public static class Storyteller
{
    public static LotStory Tell(
        string link, Genealogy genealogy, IReadOnlyDictionary<Gtin, Product> products, IReadOnlyDictionary<Gln, Participant> participants, bool verified)
    {
        var root = genealogy.Members[0].Node;
        StoryParty Party(Gln gln) => StoryParty.Of(gln, participants.GetValueOrDefault(gln));
        StoryProduct ProductOf(Gtin gtin) => products.TryGetValue(gtin, out var product) ? StoryProduct.Of(product) : StoryProduct.Unknown(gtin);

        var made = genealogy.Members.ToDictionary(m => m.Node.State.Ref, m => m.Node.State.CreatedAt);
        var until = genealogy.Edges.GroupBy(edge => edge.Parent).ToDictionary(g => g.Key, g => g.Max(edge => made[edge.Child]));
        var timeline = new List<(StoryStep Step, long Version)>();
        foreach (var member in genealogy.Members)
        {
            var (state, trail) = (member.Node.State, member.Node.Trail);
            var cutoff = until.GetValueOrDefault(state.Ref, DateTimeOffset.MaxValue);
            var name = ProductOf(state.Ref.Gtin).Name;
            timeline.AddRange(trail.Custody.Where(step => step.At <= cutoff).Select(step => (Step(step, state.Ref.Lot, name, Party), step.Version)));
            timeline.AddRange(trail.Checkpoints.Where(check => check.At <= cutoff).Select(check => (Check(check, state.Ref.Lot, name, Party), check.Version)));
        }

        var origins = genealogy.Members.Where(m => m.Node.Trail.Origin == Origin.Produced)
            .Select(m => new StoryOrigin(m.Node.State.Ref.Lot, ProductOf(m.Node.State.Ref.Gtin).Name, Party(m.Node.State.Producer), m.Node.State.CreatedAt, m.Node.Trail.Custody[0].Quantity ?? m.Node.State.Quantity))
            .OrderBy(o => o.ProducedAt).ToList();
        return new LotStory(
            link,
            root.State.Ref.Lot,
            ProductOf(root.State.Ref.Gtin),
            Party(root.State.Producer),
            Party(root.State.Custodian),
            root.State.Quantity,
            root.State.Status,
            Warning(root.State),
            root.State.CreatedAt,
            null,
            timeline.OrderBy(t => t.Step.At).ThenBy(t => t.Step.Lot, StringComparer.Ordinal).ThenBy(t => t.Version).Select(t => t.Step).ToList(),
            origins,
            genealogy.Members.Count,
            verified);
    }

    /// <summary>
    /// Why a recalled or held lot must not be used, without the event and recall ids the stored reason carries;
    /// null for a lot in good standing.
    /// </summary>
    public static string? Warning(BatchState state)
    {
        if (state.Status is not (BatchStatus.Recalled or BatchStatus.OnHold) || state.HoldReason is not { } reason)
        {
            return null;
        }

        var said = reason.IndexOf("): ", StringComparison.Ordinal);
        if (said >= 0)
        {
            return reason[(said + 3)..];
        }

        var id = reason.LastIndexOf(" (", StringComparison.Ordinal);
        return id > 0 && reason.EndsWith(')') ? reason[..id] : reason;
    }

    private static StoryStep Step(CustodyStep step, string lot, string product, Func<Gln, StoryParty> party)
    {
        var kind = step.Kind switch
        {
            CustodyStepKind.Produced => StoryStepKind.Produced,
            CustodyStepKind.SplitOff => StoryStepKind.SplitOff,
            CustodyStepKind.MergedFrom => StoryStepKind.MergedFrom,
            CustodyStepKind.TransformedFrom => StoryStepKind.TransformedFrom,
            CustodyStepKind.Shipped => StoryStepKind.Shipped,
            CustodyStepKind.Received => StoryStepKind.Received,
            CustodyStepKind.Rejected => StoryStepKind.Rejected,
            CustodyStepKind.Split => StoryStepKind.Split,
            CustodyStepKind.MergedInto => StoryStepKind.MergedInto,
            CustodyStepKind.TransformedInto => StoryStepKind.TransformedInto,
            _ => StoryStepKind.Reverted,
        };
        var actor = step.Kind == CustodyStepKind.Shipped ? step.Custodian : step.Actor;
        return new StoryStep(
            step.At, kind, lot, product, party(actor), step.Counterparty is { } other ? party(other) : null, party(step.Location), step.Quantity,
            "", null, step.Verdict, "", step.Related.Select(part => part.Batch.Lot).ToList());
    }

    private static StoryStep Check(TracedCheckpoint check, string lot, string product, Func<Gln, StoryParty> party) =>
        new(check.At, StoryStepKind.Checked, lot, product, party(check.Actor), null, party(check.Location), null, check.Step, check.Kind, check.Verdict,
            check.Certificate?.Reference ?? "", []);
}
