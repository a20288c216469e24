using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Links;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Links;

/// <summary>What a lot's page tells, folded from its genealogy: origins, the timeline, checks, warnings, public data only.</summary>
public sealed class StorytellerTests
{
    private readonly Dictionary<BatchRef, BatchLog> _logs = [];

    [Fact]
    public async Task A_split_lots_story_goes_back_to_its_origin_but_leaves_out_what_the_parent_did_after_the_split()
    {
        var parent = BatchLog.Produced("A", 100m);
        _logs[parent.Batch] = parent;
        var child = Split(parent, "B", 40m);
        parent.Ship(Sample.Distributor, Sample.Now.AddDays(2));
        child.Ship(Sample.Retailer, Sample.Now.AddDays(1));
        child.Receive(location: Sample.Shop, at: Sample.Now.AddDays(1).AddHours(3));
        child.FailFoodSafety();

        var story = await TellAsync(child.Batch);

        Assert.Equal(
            [(StoryStepKind.Produced, "A"), (StoryStepKind.Split, "A"), (StoryStepKind.SplitOff, "B"), (StoryStepKind.Shipped, "B"), (StoryStepKind.Received, "B"), (StoryStepKind.Checked, "B")],
            story.Timeline.Select(step => (step.Kind, step.Lot)).ToArray());
        Assert.Equal(["A"], story.Origins.Select(o => o.Lot));
        Assert.Equal(("Producer", "Long Dien Dong, Dong Hai, Bac Lieu"), (story.Origins[0].Producer.Name, story.Origins[0].Producer.Place));
        Assert.Equal("Retailer", story.Holder.Name);
        Assert.Equal("Lab", story.Timeline[^1].Actor.Name);
        Assert.Equal((Verdict.Fail, "LAB-42"), (story.Checks[^1].Verdict!.Value, story.Checks[^1].Reference));
        Assert.Equal("Retailer", story.Timeline.Single(s => s.Kind == StoryStepKind.Shipped).Counterparty!.Name);
        Assert.Equal((BatchStatus.OnHold, "failed sampling check"), (story.Status, story.Warning));
        Assert.Equal(2, story.Batches);
        Assert.Equal(4, story.Product.Stars);
    }

    [Fact]
    public void A_recall_or_hold_warning_keeps_the_reason_and_drops_the_ids()
    {
        var recalled = BatchLog.Produced();
        recalled.Append(new BatchRecalled("r-1", Sample.Auditor, Sample.Farm, Sample.Now, "RC-9", recalled.Batch, "lead above limit, report LR-1"));
        var held = BatchLog.Produced();
        held.Append(new BatchHeld("h-1", Sample.Auditor, Sample.Farm, Sample.Now, "complaint C-17: lab report pending"));

        Assert.Equal("lead above limit, report LR-1", Storyteller.Warning(recalled.State!));
        Assert.Equal("complaint C-17: lab report pending", Storyteller.Warning(held.State!));
        Assert.Null(Storyteller.Warning(BatchLog.Produced().State!));
    }

    [Fact]
    public async Task An_unregistered_business_shows_as_its_GLN_and_nothing_else()
    {
        var log = BatchLog.Produced("C");
        _logs[log.Batch] = log;

        var story = await TellAsync(log.Batch, registered: false);

        Assert.Equal((Sample.Producer.Value, ""), (story.Producer.Name, story.Producer.Place));
        Assert.Equal(Sample.Tea.Value, story.Product.Name);
    }

    private BatchLog Split(BatchLog parent, string lot, decimal kilograms)
    {
        var part = new BatchPart(Sample.Lot(lot), Sample.Kg(kilograms));
        var split = new BatchSplit($"split-{lot}", Sample.Producer, Sample.Farm, Sample.Now, [part], parent.State!.Quantity.Subtract(part.Quantity));
        parent.Append(split);
        var child = new BatchLog(part.Batch);
        child.Append(BatchRules.SplitChild(parent.State!, split, part, $"split-{lot}~0"));
        _logs[part.Batch] = child;
        return child;
    }

    private async Task<LotStory> TellAsync(BatchRef batch, bool registered = true)
    {
        var genealogy = await Genealogy.TraceBackAsync(batch, level => Task.FromResult<IReadOnlyList<TraceNode?>>(level.Select(b => TraceNode.Of(_logs[b].Events)).ToList()));
        var names = new Dictionary<Gln, string>
        {
            [Sample.Producer] = "Producer", [Sample.Farm] = "Farm", [Sample.Retailer] = "Retailer", [Sample.Shop] = "Retailer",
            [Sample.Lab] = "Lab", [Sample.Distributor] = "Distributor",
        };
        var participants = registered
            ? names.ToDictionary(p => p.Key, p => Participant.Create(p.Key, p.Value, [Role.Producer], "Bac Lieu", "Dong Hai", "Long Dien Dong", ProducerKind.None))
            : [];
        var products = registered
            ? new Dictionary<Gtin, Product> { [Sample.Tea] = Sample.TeaProduct() with { Ocop = new OcopRating(4, "OCOP-1", null, 0) } }
            : [];
        return Storyteller.Tell(batch.DigitalLink, genealogy, products, participants, verified: true);
    }
}
