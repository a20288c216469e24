using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Tests.Fixture;

/// <summary>Known-good identifiers, products and a chain; check digits worked out by hand with the GS1 algorithm.</summary>
internal static class Sample
{
    /// <summary>The server clock in every rule test: 1 June 2025, 08:00 in Hanoi.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 8, 0, 0, TimeSpan.FromHours(7));

    public static readonly Gln Producer = Gln.Parse("8936047800018");
    public static readonly Gln Distributor = Gln.Parse("8936047800025");
    public static readonly Gln Retailer = Gln.Parse("8936047800032");
    public static readonly Gln Lab = Gln.Parse("8936047800049");
    public static readonly Gln Auditor = Gln.Parse("8936047800056");
    public static readonly Gln Stranger = Gln.Parse("8936047800063");
    public static readonly Gln Farm = Gln.Parse("8936047800070");
    public static readonly Gln Warehouse = Gln.Parse("8936047800087");
    public static readonly Gln Shop = Gln.Parse("8936047800094");

    /// <summary>GTIN-13 8930000000019 held as 14 digits.</summary>
    public static readonly Gtin Tea = Gtin.Parse("8930000000019");

    /// <summary>GTIN-13 8930000000026, a second product.</summary>
    public static readonly Gtin Honey = Gtin.Parse("8930000000026");

    public static Quantity Kg(decimal value) => new(Quantity.Normalise(value), "KGM");

    public static BatchRef Lot(string lot) => new(Tea, lot);

    public static Limit Moisture => Limit.Parse("moisture", null, 12.5, "%", "limits[0]");

    public static Limit Temperature => Limit.Parse("temperature", 2, 8, "CEL", "limits[1]");

    public static Product TeaProduct(params Limit[] limits) =>
        Product.Create(Tea, Producer, "Shan tuyet tea", "Tea", "KGM", new OcopRating(4, "OCOP-HG-2024-017", new DateOnly(2024, 9, 1), 5), limits);

    public static Participant Party(Gln gln, params Role[] roles) =>
        Participant.Create(gln, $"participant {gln}", roles, "Ha Giang", "Vi Xuyen", "Cao Bo", ProducerKind.None);

    /// <summary>Producer, then a cold distribution stage that wants a temperature at handoff, then retail.</summary>
    public static ChainDefinition Chain(int maxTransitHours = 48) => ChainDefinition.Create(
        "tea-north",
        "Northern tea",
        [
            new Stage("farm", [Producer], [], []),
            new Stage("cold-store", [Distributor], [Limit.Parse("temperature", 0, 5, "CEL", "stages[1].limits[0]")], ["temperature"]),
            new Stage("retail", [Retailer], [], []),
        ],
        maxTransitHours);
}
