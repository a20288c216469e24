using Google.Protobuf.WellKnownTypes;
using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>A kind of OCOP product a demo producer makes, with the specification its checkpoints are judged by.</summary>
internal sealed record ProductLine(string Name, string Category, string Unit, IReadOnlyList<Limit> Limits);

/// <summary>
/// The demo product lines of Bac Lieu's OCOP categories, and the products the demo producers register.
/// Limits use short upper-case unit codes: P1 percent, CEL degrees Celsius, PH, PPT parts per thousand,
/// MGKG milligrams per kilogram, GL grams per litre.
/// </summary>
internal static class DemoProducts
{
    // Salt from the Dong Hai and Bac Lieu City salt fields: NaCl and moisture of the product, and the
    // salinity of the brine in the crystallisation field it came from.
    public static readonly ProductLine CoarseSalt = Salt("Bac Lieu coarse sea salt");
    public static readonly ProductLine FineSalt = Salt("Fine ground sea salt");
    public static readonly ProductLine SaltFlower = Salt("Salt flower (fleur de sel)");
    public static readonly ProductLine ShrimpSalt = Salt("Shrimp salt (muoi tom)");
    public static readonly ProductLine ChiliLemongrassSalt = Salt("Chili and lemongrass salt");
    public static readonly ProductLine RoastedSalt = Salt("Roasted sea salt");
    public static readonly ProductLine IodisedSalt = Salt("Iodised fine sea salt");
    public static readonly ProductLine TamarindSalt = Salt("Tamarind salt");

    // Shrimp: frozen (cold chain at or below -18 CEL, pond water of the farm it was raised in) and dried.
    public static readonly ProductLine FrozenTigerWhole = FrozenShrimp("Frozen black tiger shrimp, whole");
    public static readonly ProductLine FrozenTigerHeadless = FrozenShrimp("Frozen black tiger shrimp, headless");
    public static readonly ProductLine FrozenWhitelegWhole = FrozenShrimp("Frozen white-leg shrimp, whole");
    public static readonly ProductLine FrozenWhitelegPeeled = FrozenShrimp("Frozen white-leg shrimp, peeled");
    public static readonly ProductLine FrozenGiantPrawn = FrozenShrimp("Frozen giant freshwater prawn (tom cang xanh)");
    public static readonly ProductLine DriedShrimp = Dried("Dried shrimp (tom kho)", "shrimp");
    public static readonly ProductLine DriedBabyShrimp = Dried("Dried baby shrimp (tep kho)", "shrimp");

    // Rice of the rice-shrimp fields of Phuoc Long and Hong Dan and the fresh-water fields of Vinh Loi.
    public static readonly ProductLine St25 = Rice("ST25 fragrant rice");
    public static readonly ProductLine St24 = Rice("ST24 fragrant rice");
    public static readonly ProductLine St25ShrimpRice = Rice("ST25 rice-shrimp field rice");
    public static readonly ProductLine OrganicSt25 = Rice("Organic ST25 rice");
    public static readonly ProductLine BrownSt25 = Rice("Brown ST25 rice");
    public static readonly ProductLine BlackGlutinous = Rice("Black glutinous rice");

    // Honey of the melaleuca forests.
    public static readonly ProductLine MelaleucaHoney = Honey("Melaleuca flower honey");
    public static readonly ProductLine WildHoney = Honey("Wild melaleuca forest honey (U Minh style)");
    public static readonly ProductLine CombHoney = Honey("Melaleuca honey with comb");
    public static readonly ProductLine CoconutHoney = Honey("Coconut flower honey");

    // Dried seafood of Ganh Hao and Nha Mat.
    public static readonly ProductLine DriedSquid = Dried("Dried squid", "dried seafood");
    public static readonly ProductLine DriedSnakeskin = Dried("Dried snakeskin gourami (kho ca sac)", "dried seafood");
    public static readonly ProductLine DriedSnakehead = Dried("Dried snakehead fish (kho ca loc)", "dried seafood");
    public static readonly ProductLine DriedGoby = Dried("Dried goby (kho ca keo)", "dried seafood");
    public static readonly ProductLine DriedThreadfin = Dried("Dried threadfin bream", "dried seafood");
    public static readonly ProductLine DriedAnchovy = Dried("Dried anchovy (ca com kho)", "dried seafood");
    public static readonly ProductLine DriedMudskipper = Dried("Dried mudskipper (ca thoi loi kho)", "dried seafood");

    // Anchovy fish sauce, graded by total nitrogen ("40N" holds at least 40 g of nitrogen per litre).
    public static readonly ProductLine FishSauce40 = FishSauce(40);
    public static readonly ProductLine FishSauce35 = FishSauce(35);
    public static readonly ProductLine FishSauce30 = FishSauce(30);
    public static readonly ProductLine FishSauce25 = FishSauce(25);
    public static readonly ProductLine FishSauce20 = FishSauce(20);

    // Fruit of the Bac Lieu longan gardens, Vinh Loi and Hong Dan.
    public static readonly ProductLine FreshLongan = FreshFruit("Bac Lieu longan (nhan)", 18);
    public static readonly ProductLine DriedLongan = DriedFruit("Dried longan");
    public static readonly ProductLine Mango = FreshFruit("Cat Chu mango", 14);
    public static readonly ProductLine DriedMango = DriedFruit("Dried mango slices");
    public static readonly ProductLine Pomelo = FreshFruit("Green-skin pomelo", 10);
    public static readonly ProductLine SiameseBanana = FreshFruit("Siamese banana (chuoi xiem)", 18);
    public static readonly ProductLine DriedBanana = DriedFruit("Sun-dried Siamese banana");

    /// <summary>Dates of the provincial OCOP decisions the demo certificates are dated by.</summary>
    private static readonly DateOnly[] ThreeStarDecisions = [new(2023, 12, 22), new(2024, 7, 12), new(2024, 12, 27), new(2025, 6, 20)];
    private static readonly DateOnly[] FourStarDecisions = [new(2024, 1, 19), new(2024, 12, 27), new(2025, 6, 20)];
    private static readonly DateOnly PendingFiveDecision = new(2024, 12, 27);

    /// <summary>The GTIN of a producer's product of a line.</summary>
    public static string GtinOf(DemoProducer producer, ProductLine line)
    {
        ArgumentNullException.ThrowIfNull(producer);
        var index = producer.Lines.ToList().IndexOf(line);
        if (index < 0)
        {
            throw new InvalidOperationException($"demo data: {producer.Name} makes no {line.Name}");
        }

        return DemoKeys.Gtin(producer.Number, index + 1);
    }

    /// <summary>Every product of every demo producer, in producer order: the first products of a producer carry its best rating.</summary>
    public static IReadOnlyList<RegisterProductRequest> Build(IReadOnlyList<DemoProducer> producers)
    {
        ArgumentNullException.ThrowIfNull(producers);
        var products = new List<RegisterProductRequest>();
        foreach (var producer in producers)
        {
            if (producer.Lines.Distinct().Count() != producer.Lines.Count || producer.PendingFive + producer.FourStar > producer.Lines.Count)
            {
                throw new InvalidOperationException($"demo data: the product list of {producer.Name} is inconsistent");
            }

            for (var i = 0; i < producer.Lines.Count; i++)
            {
                var line = producer.Lines[i];
                var sequence = products.Count + 1;
                var (stars, pending, certifiedOn) = i < producer.PendingFive ? (4, 5, PendingFiveDecision)
                    : i < producer.PendingFive + producer.FourStar ? (4, 0, FourStarDecisions[sequence % FourStarDecisions.Length])
                    : (3, 0, ThreeStarDecisions[sequence % ThreeStarDecisions.Length]);
                var request = new RegisterProductRequest
                {
                    Gtin = DemoKeys.Gtin(producer.Number, i + 1),
                    ProducerGln = producer.Gln,
                    Name = $"{line.Name} - {producer.Brand}",
                    Category = line.Category,
                    Unit = line.Unit,
                    OcopStars = stars,
                    OcopPendingStars = pending,
                    OcopCertificate = $"BL-OCOP-{certifiedOn.Year}-{sequence:D3}",
                    OcopCertifiedOn = Timestamp.FromDateTime(certifiedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
                };
                request.Limits.AddRange(line.Limits.Select(l => l.Clone()));
                products.Add(request);
            }
        }

        return products;
    }

    private static ProductLine Salt(string name) => new(name, "salt", "KGM",
        [Min("nacl", 90, "P1"), Max("moisture", 10, "P1"), Min("brine_salinity", 250, "PPT")]);

    private static ProductLine FrozenShrimp(string name) => new(name, "shrimp", "KGM",
        [Max("temperature", -18, "CEL"), Range("ph", 7.5, 8.5, "PH"), Range("salinity", 10, 25, "PPT"), Max("sulphite", 100, "MGKG")]);

    private static ProductLine Dried(string name, string category) => new(name, category, "KGM", [Max("moisture", 20, "P1")]);

    private static ProductLine Rice(string name) => new(name, "rice", "KGM", [Max("moisture", 14, "P1"), Max("broken", 5, "P1")]);

    private static ProductLine Honey(string name) => new(name, "honey", "KGM", [Max("moisture", 21, "P1"), Max("hmf", 40, "MGKG")]);

    private static ProductLine FishSauce(int grade) => new($"Anchovy fish sauce {grade}N", "fish sauce", "LTR",
        [Min("total_nitrogen", grade, "GL"), Max("histamine", 400, "MGKG")]);

    private static ProductLine FreshFruit(string name, double minBrix) => new(name, "fruit", "KGM", [Min("brix", minBrix, "P1")]);

    private static ProductLine DriedFruit(string name) => new(name, "fruit", "KGM", [Max("moisture", 18, "P1")]);

    private static Limit Min(string type, double min, string unit) => new() { Type = type, Min = min, Unit = unit };

    private static Limit Max(string type, double max, string unit) => new() { Type = type, Max = max, Unit = unit };

    private static Limit Range(string type, double min, double max, string unit) => new() { Type = type, Min = min, Max = max, Unit = unit };
}
