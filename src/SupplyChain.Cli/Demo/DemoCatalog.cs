using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>
/// DEMONSTRATION DATA, all of it fictitious: the requests that load an invented but realistic picture of
/// Bac Lieu province's OCOP programme. Building it is a pure function: no clock, no I/O, the same
/// messages every time.
/// </summary>
public sealed class DemoCatalog
{
    public const string SaltChain = DemoChains.Salt;
    public const string FrozenShrimpChain = DemoChains.FrozenShrimp;
    public const string RiceChain = DemoChains.Rice;

    private DemoCatalog(
        IReadOnlyList<RegisterParticipantRequest> participants,
        IReadOnlyList<RegisterProductRequest> products,
        IReadOnlyList<DefineChainRequest> chains,
        IReadOnlyList<DemoStep> steps)
    {
        Participants = participants;
        Products = products;
        Chains = chains;
        Steps = steps;
    }

    /// <summary>Producers first (the first one is the marker of a loaded data set), then partners.</summary>
    public IReadOnlyList<RegisterParticipantRequest> Participants { get; }

    /// <summary>Products, registered once their producers are.</summary>
    public IReadOnlyList<RegisterProductRequest> Products { get; }

    /// <summary>Distribution chains, defined before the batches that travel along them.</summary>
    public IReadOnlyList<DefineChainRequest> Chains { get; }

    /// <summary>The batch stories, to be sent one after another in this order.</summary>
    public IReadOnlyList<DemoStep> Steps { get; }

    /// <summary>Batches the stories make: created, split off or merged.</summary>
    public int BatchCount => Steps.Sum(s => s.Request switch
    {
        CreateBatchRequest or MergeBatchesRequest => 1,
        SplitBatchRequest split => split.Parts.Count,
        _ => 0,
    });

    /// <summary>The coarse salt lot merged from two harvests and sampled for the five-star assessment.</summary>
    public static BatchRef MergedSalt => DemoStories.MergedSalt;

    /// <summary>The only batch on hold: dried shrimp that failed its moisture check.</summary>
    public static BatchRef HeldBatch => DemoStories.HeldShrimp;

    /// <summary>The only shipment still in transit, on the frozen shrimp chain.</summary>
    public static BatchRef InTransitBatch => DemoStories.InTransitShrimp;

    /// <summary>A retail lot split off a rice lot at the distributor.</summary>
    public static BatchRef SplitChild => DemoStories.RetailRice;

    public static DemoCatalog Build()
    {
        var participants = DemoProducers.All.Select(p => p.ToRequest()).Concat(DemoPartners.Build()).ToList();
        return new DemoCatalog(participants, DemoProducts.Build(DemoProducers.All), DemoChains.Build(), DemoStories.Build());
    }
}
