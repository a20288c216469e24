using SupplyChain.V1;
using static SupplyChain.Cli.Demo.DemoPartners;

namespace SupplyChain.Cli.Demo;

/// <summary>DEMONSTRATION DATA. Three distribution chains from Bac Lieu producers to supermarket shelves.</summary>
internal static class DemoChains
{
    public const string Salt = "bac-lieu-salt-hcmc";
    public const string FrozenShrimp = "frozen-shrimp-hcmc";
    public const string Rice = "rice-mekong";

    public static IReadOnlyList<DefineChainRequest> Build() =>
    [
        Define(Salt, "Bac Lieu sea salt to Ho Chi Minh City supermarkets", 72,
            MakeStage("production", [Producer(1), Producer(2)]),
            // Salt takes up water from humid air: it must stay dry in the warehouse.
            MakeStage("distribution", [SaiGonTrading], [new Limit { Type = "moisture", Max = 10, Unit = "P1" }]),
            MakeStage("retail", [GreenBasket, SaigonFresh])),
        Define(FrozenShrimp, "Frozen Bac Lieu shrimp to Ho Chi Minh City (cold chain)", 48,
            MakeStage("production", [Producer(10), Producer(17)]),
            MakeStage("distribution", [PhuongNamColdChain], [ColdChain()], ["temperature"]),
            MakeStage("retail", [GreenBasket, MekongTable], [ColdChain()], ["temperature"])),
        Define(Rice, "Bac Lieu rice through Can Tho to Ho Chi Minh City", 72,
            MakeStage("production", [Producer(23), Producer(28), Producer(30)]),
            MakeStage("distribution", [TayDoAgri], [new Limit { Type = "moisture", Max = 14, Unit = "P1" }], ["moisture"]),
            MakeStage("retail", [SaigonFresh, MekongTable])),
    ];

    private static Limit ColdChain() => new() { Type = "temperature", Max = -18, Unit = "CEL" };

    private static string Producer(int number) => DemoProducers.Number(number).Gln;

    private static DefineChainRequest Define(string id, string name, int maxTransitHours, params Stage[] stages)
    {
        var chain = new DefineChainRequest { ChainId = id, Name = name, MaxTransitHours = maxTransitHours };
        chain.Stages.AddRange(stages);
        return chain;
    }

    private static Stage MakeStage(string name, IEnumerable<string> participants, IEnumerable<Limit>? limits = null, IEnumerable<string>? requiredAtHandoff = null)
    {
        var stage = new Stage { Name = name };
        stage.ParticipantGlns.AddRange(participants);
        stage.Limits.AddRange(limits ?? []);
        stage.RequiredAtHandoff.AddRange(requiredAtHandoff ?? []);
        return stage;
    }
}
