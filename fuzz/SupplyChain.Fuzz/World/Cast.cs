using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Fuzz.World;

/// <summary>The parties, products and the chain every episode of the batch world starts with.</summary>
internal static class Cast
{
    public static readonly Gln ProducerA = Gln.FromBody("893604790001");
    public static readonly Gln ProducerB = Gln.FromBody("893604790002");
    public static readonly Gln Processor = Gln.FromBody("893604790003");
    public static readonly Gln Distributor = Gln.FromBody("893604790004");
    public static readonly Gln Retailer = Gln.FromBody("893604790005");
    public static readonly Gln Lab = Gln.FromBody("893604790006");
    public static readonly Gln Auditor = Gln.FromBody("893604790007");

    public static readonly IReadOnlyDictionary<Gln, Participant> Participants = new List<Participant>
    {
        Participant.Create(ProducerA, "Vinh Hau cooperative", new[] { Role.Producer }, "Bac Lieu", "Hoa Binh", "Vinh Hau", ProducerKind.Cooperative),
        Participant.Create(ProducerB, "Bac Lieu salt enterprise", new[] { Role.Producer, Role.Processor }, "Bac Lieu", "Dong Hai", "Long Dien", ProducerKind.Enterprise),
        Participant.Create(Processor, "Can Tho processing", new[] { Role.Processor }, "Can Tho", "", "", ProducerKind.None),
        Participant.Create(Distributor, "Saigon Foods distribution", new[] { Role.Distributor }, "Ho Chi Minh City", "", "", ProducerKind.None),
        Participant.Create(Retailer, "Co.op supermarket", new[] { Role.Retailer }, "Ho Chi Minh City", "", "", ProducerKind.None),
        Participant.Create(Lab, "Quatest 3", new[] { Role.Lab }, "Ho Chi Minh City", "", "", ProducerKind.None),
        Participant.Create(Auditor, "Bac Lieu OCOP office", new[] { Role.Auditor }, "Bac Lieu", "", "", ProducerKind.None),
    }.ToDictionary(p => p.Gln);

    public static readonly IReadOnlyList<Gln> Parties = Participants.Keys.ToList();

    /// <summary>Measurement types the world reads, with their unit and a range that straddles the limits below.</summary>
    public static readonly IReadOnlyList<(string Type, string Unit, double Low, double High)> Readings = new List<(string, string, double, double)>
    {
        ("moisture", "P1", 0, 20), ("lead", "MG_KG", 0, 0.5), ("nacl", "P1", 80, 100),
        ("ph", "PH", 4, 8), ("temperature", "CEL", -5, 15), ("humidity", "P1", 40, 95),
    };

    public static readonly IReadOnlyDictionary<Gtin, Product> Products = new List<Product>
    {
        Product.Create(Gtin.FromBody("0893604790101"), ProducerA, "Shan tuyet tea", "tea", "KGM", new OcopRating(4, "OCOP-BL-01", null, 0),
            new List<Limit> { new("moisture", null, 12.5m, "P1"), new("lead", null, 0.2m, "MG_KG") }),
        Product.Create(Gtin.FromBody("0893604790102"), ProducerB, "Bac Lieu sea salt", "salt", "KGM", new OcopRating(3, "OCOP-BL-02", null, 4),
            new List<Limit> { new("nacl", 90m, null, "P1"), new("moisture", null, 10m, "P1") }),
        Product.Create(Gtin.FromBody("0893604790103"), ProducerB, "Fish sauce", "sauce", "LTR", new OcopRating(0, "", null, 0),
            new List<Limit> { new("ph", 5m, 6.5m, "PH") }),
        Product.Create(Gtin.FromBody("0893604790104"), ProducerA, "Banh pia", "cake", "H87", new OcopRating(5, "OCOP-BL-04", null, 0), new List<Limit>()),
    }.ToDictionary(p => p.Gtin);

    public static readonly IReadOnlyList<Gtin> Gtins = Products.Keys.ToList();

    public static readonly ChainDefinition Chain = ChainDefinition.Create(
        "cold",
        "Cold chain to Ho Chi Minh City",
        new List<Stage>
        {
            new("farm", new List<Gln> { ProducerA, ProducerB }, new List<Limit>(), new List<string>()),
            new("cold-store", new List<Gln> { Distributor, Processor }, new List<Limit> { new("temperature", 0m, 5m, "CEL") }, new List<string> { "temperature" }),
            new("retail", new List<Gln> { Retailer }, new List<Limit> { new("humidity", null, 80m, "P1") }, new List<string>()),
        },
        48);

    public static readonly IReadOnlyDictionary<string, ChainDefinition> Chains = new Dictionary<string, ChainDefinition> { [Chain.ChainId] = Chain };
}
