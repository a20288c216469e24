using SupplyChain.V1;
using static SupplyChain.Cli.Demo.DemoPartners;
using static SupplyChain.Cli.Demo.DemoProducts;
using static SupplyChain.Cli.Demo.StoryWriter;

namespace SupplyChain.Cli.Demo;

/// <summary>
/// DEMONSTRATION DATA. Twenty batches of 2026 and what happened to them: harvests with their readings,
/// lab checks, handoffs to distributors and supermarkets, a split, a merge, a shipment still on the road,
/// a cold-chain excursion at a handoff, and one failed food-safety check that put a batch on hold.
/// Times are fixed (Vietnam time, UTC+7) so that a second load sends exactly the same requests.
/// </summary>
internal static class DemoStories
{
    public const string MergedSaltLot = "LDD-260408-M";
    public const string InTransitShrimpLot = "TP-261125-W";
    public const string HeldShrimpLot = "BN-260902";
    public const string SplitRiceLot = "PL-260115";
    public const string RetailRiceLot = "PL-260115-R1";

    /// <summary>The coarse salt lot merged from two harvests and sampled for the five-star assessment.</summary>
    public static BatchRef MergedSalt => Ref(1, CoarseSalt, MergedSaltLot);

    /// <summary>The frozen shrimp still on its way to the Ho Chi Minh City cold store.</summary>
    public static BatchRef InTransitShrimp => Ref(17, FrozenWhitelegWhole, InTransitShrimpLot);

    /// <summary>The dried shrimp held after the lab found it too moist.</summary>
    public static BatchRef HeldShrimp => Ref(12, DriedShrimp, HeldShrimpLot);

    /// <summary>One of the two retail lots split off the rice-shrimp rice at the Can Tho warehouse.</summary>
    public static BatchRef RetailRice => Ref(23, St25ShrimpRice, RetailRiceLot);

    public static IReadOnlyList<DemoStep> Build()
    {
        var w = new StoryWriter();
        FineSaltToSupermarket(w);
        CoarseSaltMerged(w);
        DienHaiSalt(w);
        TigerShrimpColdChain(w);
        WhitelegShrimpExcursion(w);
        ShrimpOnTheRoad(w);
        DriedShrimpOnHold(w);
        RiceSplitForRetail(w);
        NinhQuoiRice(w);
        OrganicRice(w);
        HoneyToHcmc(w);
        FishSauceBottled(w);
        DriedSquidToHcmc(w);
        DriedGourami(w);
        LonganToSupermarket(w);
        MangoHarvest(w);
        return w.Steps;
    }

    private static void FineSaltToSupermarket(StoryWriter w)
    {
        w.Story("Fine salt from the Long Dien Dong salt fields to a GreenBasket supermarket");
        var salt = w.Create(Producer(1), FineSalt, "LDD-260305-F", 2400, At(3, 5, 7), DemoChains.Salt);
        w.Environment(salt, At(3, 5, 7, 30), M("brine_salinity", 272, "PPT"));
        w.Production(salt, "harvesting", At(3, 5, 10), M("nacl", 92.4, "P1"), M("moisture", 8.9, "P1"));
        w.Production(salt, "drying", At(3, 8, 16), M("moisture", 6.2, "P1"));
        w.Production(salt, "packing", At(3, 10, 9), M("nacl", 95.1, "P1"), M("moisture", 4.8, "P1"));
        w.Inspect(salt, FoodSafetyLab, "BLFSL-26-0117", At(3, 12, 14), Verdict.Pass, M("nacl", 95.0, "P1"), M("moisture", 4.9, "P1"));
        w.Ship(salt, SaiGonTrading, At(3, 16, 6));
        w.Receive(salt, At(3, 16, 22, 30), "48 bags of 50 kg sealed; 1 bag torn and repacked", 2395, [M("moisture", 5.3, "P1")]);
        w.Ship(salt, GreenBasket, At(3, 19, 7));
        w.Receive(salt, At(3, 19, 13, 30), "47 bags and 1 part bag, sealed");
    }

    private static void CoarseSaltMerged(StoryWriter w)
    {
        w.Story("Two coarse salt harvests of Long Dien Dong merged into one packing lot, sampled for five stars");
        var fieldA = w.Create(Producer(1), CoarseSalt, "LDD-260402-A", 1500, At(4, 2, 6), DemoChains.Salt);
        w.Environment(fieldA, At(4, 2, 6, 30), M("brine_salinity", 268, "PPT"));
        w.Production(fieldA, "harvesting", At(4, 2, 9), M("nacl", 91.8, "P1"), M("moisture", 9.1, "P1"));
        var fieldB = w.Create(Producer(1), CoarseSalt, "LDD-260403-B", 1200, At(4, 3, 6), DemoChains.Salt);
        w.Environment(fieldB, At(4, 3, 6, 30), M("brine_salinity", 275, "PPT"));
        w.Production(fieldB, "harvesting", At(4, 3, 9), M("nacl", 92.6, "P1"), M("moisture", 8.7, "P1"));
        var merged = w.Merge([fieldA, fieldB], MergedSaltLot, At(4, 8, 8));
        w.Production(merged, "drying", At(4, 10, 15), M("moisture", 6.0, "P1"));
        w.Production(merged, "packing", At(4, 12, 8), M("nacl", 93.5, "P1"), M("moisture", 5.2, "P1"));
        w.Inspect(merged, OcopOffice, "BL-OCOP-5S-2026-002", At(4, 20, 10), Verdict.Pass, M("nacl", 93.4, "P1"), M("moisture", 5.4, "P1"));
        w.Ship(merged, SaiGonTrading, At(4, 22, 6));
        w.Receive(merged, At(4, 23, 5), "54 bags of 50 kg, sealed", readings: [M("moisture", 5.6, "P1")]);
    }

    private static void DienHaiSalt(StoryWriter w)
    {
        w.Story("Coarse salt from Dien Hai to a Saigon Fresh Mart store");
        var salt = w.Create(Producer(2), CoarseSalt, "DH-260515", 3000, At(5, 15, 6), DemoChains.Salt);
        w.Environment(salt, At(5, 15, 6, 20), M("brine_salinity", 266, "PPT"));
        w.Production(salt, "harvesting", At(5, 15, 9), M("nacl", 91.2, "P1"), M("moisture", 9.4, "P1"));
        w.Production(salt, "packing", At(5, 18, 10), M("nacl", 93.0, "P1"), M("moisture", 5.9, "P1"));
        w.Ship(salt, SaiGonTrading, At(5, 20, 6));
        w.Receive(salt, At(5, 21, 4, 30), "60 bags of 50 kg, sealed", readings: [M("moisture", 6.3, "P1")]);
        w.Ship(salt, SaigonFresh, At(5, 25, 7));
        w.Receive(salt, At(5, 25, 11), "60 bags, sealed");
    }

    private static void TigerShrimpColdChain(StoryWriter w)
    {
        w.Story("Frozen black tiger shrimp from Vinh Hau through the cold chain to GreenBasket");
        var shrimp = w.Create(Producer(10), FrozenTigerWhole, "VH-260610-T1", 850, At(6, 10, 5), DemoChains.FrozenShrimp);
        w.Environment(shrimp, At(6, 10, 5, 15), M("ph", 7.9, "PH"), M("salinity", 17.5, "PPT"));
        w.Production(shrimp, "harvesting", At(6, 10, 6));
        w.Production(shrimp, "freezing", At(6, 10, 15), M("temperature", -24, "CEL"));
        w.Production(shrimp, "packing", At(6, 11, 8), M("temperature", -21, "CEL"));
        w.Inspect(shrimp, FoodSafetyLab, "BLFSL-26-0214", At(6, 11, 14), Verdict.Pass, M("sulphite", 12, "MGKG"), M("temperature", -20.5, "CEL"));
        w.Ship(shrimp, PhuongNamColdChain, At(6, 12, 18));
        w.Receive(shrimp, At(6, 13, 7, 30), "85 cartons of 10 kg, reefer seals intact", readings: [M("temperature", -19.6, "CEL")]);
        w.Ship(shrimp, GreenBasket, At(6, 15, 5));
        w.Receive(shrimp, At(6, 15, 9), "85 cartons, frozen hard", readings: [M("temperature", -18.8, "CEL")]);
    }

    private static void WhitelegShrimpExcursion(StoryWriter w)
    {
        w.Story("Peeled white-leg shrimp from Vinh Hau, received too warm at a Mekong Table store");
        var shrimp = w.Create(Producer(10), FrozenWhitelegPeeled, "VH-260818-W1", 620, At(8, 18, 5), DemoChains.FrozenShrimp);
        w.Environment(shrimp, At(8, 18, 5, 20), M("ph", 8.1, "PH"), M("salinity", 14.2, "PPT"));
        w.Production(shrimp, "harvesting", At(8, 18, 6));
        w.Production(shrimp, "freezing", At(8, 18, 14), M("temperature", -23, "CEL"));
        w.Production(shrimp, "packing", At(8, 19, 8), M("temperature", -21, "CEL"));
        w.Ship(shrimp, PhuongNamColdChain, At(8, 20, 19));
        w.Receive(shrimp, At(8, 21, 8), "62 cartons of 10 kg, reefer seals intact", readings: [M("temperature", -19.2, "CEL")]);
        w.Ship(shrimp, MekongTable, At(8, 23, 4, 30));
        w.Receive(shrimp, At(8, 23, 10, 45), "cartons frosted; core -16.8 C, moved to the -25 C store and reported",
            readings: [M("temperature", -16.8, "CEL")], expected: Verdict.Fail);
    }

    private static void ShrimpOnTheRoad(StoryWriter w)
    {
        w.Story("Frozen white-leg shrimp from Tan Phong, on the road to Ho Chi Minh City");
        var shrimp = w.Create(Producer(17), FrozenWhitelegWhole, InTransitShrimpLot, 1200, At(11, 25, 5), DemoChains.FrozenShrimp);
        w.Environment(shrimp, At(11, 25, 5, 20), M("ph", 7.8, "PH"), M("salinity", 12.5, "PPT"));
        w.Production(shrimp, "harvesting", At(11, 25, 6));
        w.Production(shrimp, "freezing", At(11, 25, 16), M("temperature", -25, "CEL"));
        w.Production(shrimp, "packing", At(11, 26, 9), M("temperature", -22, "CEL"));
        w.Inspect(shrimp, FoodSafetyLab, "BLFSL-26-0498", At(11, 27, 10), Verdict.Pass, M("sulphite", 18, "MGKG"), M("temperature", -21.5, "CEL"));
        w.Ship(shrimp, PhuongNamColdChain, At(11, 28, 18));
    }

    private static void DriedShrimpOnHold(StoryWriter w)
    {
        w.Story("Dried shrimp from Ganh Hao, held after the lab found it too moist");
        var shrimp = w.Create(Producer(12), DriedShrimp, HeldShrimpLot, 180, At(9, 2, 7));
        w.Production(shrimp, "boiling", At(9, 2, 8));
        w.Production(shrimp, "drying", At(9, 4, 17), M("moisture", 19.4, "P1"));
        w.Production(shrimp, "packing", At(9, 5, 9), M("moisture", 19.8, "P1"));
        // The one failed food-safety check of the data set: 22.6 % moisture against a maximum of 20 %.
        w.Inspect(shrimp, FoodSafetyLab, "BLFSL-26-0342", At(9, 9, 15), Verdict.Fail, M("moisture", 22.6, "P1"));
    }

    private static void RiceSplitForRetail(StoryWriter w)
    {
        w.Story("ST25 rice-shrimp field rice from Phuoc Long, split at Can Tho into two supermarket lots");
        var rice = w.Create(Producer(23), St25ShrimpRice, SplitRiceLot, 10000, At(1, 15, 6), DemoChains.Rice);
        w.Production(rice, "harvesting", At(1, 15, 10));
        w.Production(rice, "drying", At(1, 18, 16), M("moisture", 13.8, "P1"));
        w.Production(rice, "milling", At(1, 22, 10), M("moisture", 13.5, "P1"), M("broken", 3.8, "P1"));
        w.Production(rice, "packing", At(1, 24, 9), M("moisture", 13.4, "P1"));
        w.Inspect(rice, FoodSafetyLab, "BLFSL-26-0031", At(1, 26, 14), Verdict.Pass, M("moisture", 13.4, "P1"), M("broken", 3.9, "P1"));
        w.Ship(rice, TayDoAgri, At(2, 2, 6));
        w.Receive(rice, At(2, 2, 15, 30), "200 bags of 50 kg; one bag split, 10 kg lost", 9990, [M("moisture", 13.6, "P1")]);
        var lots = w.Split(rice, At(2, 5, 9), (RetailRiceLot, 5000), ("PL-260115-R2", 4990));
        w.Ship(lots[0], SaigonFresh, At(2, 7, 5));
        w.Receive(lots[0], At(2, 7, 18), "1,000 bags of 5 kg");
        w.Ship(lots[1], MekongTable, At(2, 9, 5));
        w.Receive(lots[1], At(2, 9, 17, 30), "998 bags of 5 kg");
    }

    private static void NinhQuoiRice(StoryWriter w)
    {
        w.Story("ST25 rice from Ninh Quoi in the Can Tho warehouse");
        var rice = w.Create(Producer(28), St25, "NQ-260210", 6000, At(2, 10, 6), DemoChains.Rice);
        w.Production(rice, "drying", At(2, 12, 16), M("moisture", 13.9, "P1"));
        w.Production(rice, "packing", At(2, 16, 9), M("moisture", 13.3, "P1"), M("broken", 4.1, "P1"));
        w.Ship(rice, TayDoAgri, At(3, 2, 6));
        w.Receive(rice, At(3, 2, 12, 30), "120 bags of 50 kg", readings: [M("moisture", 13.5, "P1")]);
    }

    private static void OrganicRice(StoryWriter w)
    {
        w.Story("Organic ST25 rice from Loc Ninh to a Saigon Fresh Mart store");
        var rice = w.Create(Producer(30), OrganicSt25, "LN-260305-OR", 3000, At(3, 5, 6), DemoChains.Rice);
        w.Production(rice, "packing", At(3, 7, 9), M("moisture", 13.1, "P1"), M("broken", 2.9, "P1"));
        w.Inspect(rice, FoodSafetyLab, "BLFSL-26-0121", At(3, 8, 10), Verdict.Pass, M("moisture", 13.1, "P1"), M("broken", 2.8, "P1"));
        w.Ship(rice, TayDoAgri, At(3, 10, 6));
        w.Receive(rice, At(3, 10, 13), "600 bags of 5 kg", readings: [M("moisture", 13.2, "P1")]);
        w.Ship(rice, SaigonFresh, At(3, 14, 5));
        w.Receive(rice, At(3, 14, 16, 30), "600 bags of 5 kg");
    }

    private static void HoneyToHcmc(StoryWriter w)
    {
        w.Story("Melaleuca honey from the Hong Dan forest to Sai Gon OCOP Trading");
        var honey = w.Create(Producer(36), MelaleucaHoney, "RT-260512", 420, At(5, 12, 8));
        w.Production(honey, "harvesting", At(5, 12, 10), M("moisture", 20.4, "P1"));
        w.Production(honey, "packing", At(5, 15, 9), M("moisture", 20.1, "P1"));
        w.Inspect(honey, FoodSafetyLab, "BLFSL-26-0187", At(5, 18, 14), Verdict.Pass, M("moisture", 19.9, "P1"), M("hmf", 14.2, "MGKG"));
        w.Ship(honey, SaiGonTrading, At(5, 22, 6));
        w.Receive(honey, At(5, 22, 20), "1,050 jars of 400 g");
    }

    private static void FishSauceBottled(StoryWriter w)
    {
        w.Story("Ganh Hao anchovy fish sauce 40N, bottled after a year in the vats");
        var sauce = w.Create(Producer(55), FishSauce40, "GHN-2607-40N", 3000, At(7, 1, 7));
        w.Production(sauce, "bottling", At(7, 1, 15), M("total_nitrogen", 41.2, "GL"), M("histamine", 185, "MGKG"));
        w.Inspect(sauce, FoodSafetyLab, "BLFSL-26-0255", At(7, 3, 14), Verdict.Pass, M("total_nitrogen", 40.8, "GL"), M("histamine", 192, "MGKG"));
        w.Ship(sauce, SaiGonTrading, At(7, 6, 6));
        w.Receive(sauce, At(7, 7, 5, 30), "6 bottles of 1 L broken in transit", 2994);
    }

    private static void DriedSquidToHcmc(StoryWriter w)
    {
        w.Story("Dried squid from Ganh Hao to Sai Gon OCOP Trading");
        var squid = w.Create(Producer(42), DriedSquid, "GH-260420-SQ", 250, At(4, 20, 7));
        w.Production(squid, "drying", At(4, 22, 17), M("moisture", 18.4, "P1"));
        w.Production(squid, "packing", At(4, 23, 9), M("moisture", 18.1, "P1"));
        w.Ship(squid, SaiGonTrading, At(4, 25, 6));
        w.Receive(squid, At(4, 26, 5), "500 packs of 500 g");
    }

    private static void DriedGourami(StoryWriter w)
    {
        w.Story("Dried snakeskin gourami in the Nha Mat cooperative's store");
        var fish = w.Create(Producer(46), DriedSnakeskin, "NM-260611", 300, At(6, 11, 7));
        w.Production(fish, "drying", At(6, 13, 16), M("moisture", 17.5, "P1"));
        w.Inspect(fish, FoodSafetyLab, "BLFSL-26-0221", At(6, 15, 10), Verdict.Pass, M("moisture", 17.2, "P1"));
    }

    private static void LonganToSupermarket(StoryWriter w)
    {
        w.Story("Bac Lieu longan picked at dawn, on a Saigon Fresh Mart shelf the next day");
        var longan = w.Create(Producer(61), FreshLongan, "VN-260728", 1500, At(7, 28, 6));
        w.Production(longan, "harvesting", At(7, 28, 8), M("brix", 20.5, "P1"));
        w.Production(longan, "packing", At(7, 28, 15));
        w.Ship(longan, SaiGonTrading, At(7, 28, 20));
        w.Receive(longan, At(7, 29, 5, 30), "300 baskets of 5 kg", 1490);
        w.Ship(longan, SaigonFresh, At(7, 29, 8));
        w.Receive(longan, At(7, 29, 11), "298 baskets of 5 kg");
    }

    private static void MangoHarvest(StoryWriter w)
    {
        w.Story("Cat Chu mangoes harvested in Chau Thoi");
        var mango = w.Create(Producer(64), Mango, "CT-260420-M", 800, At(4, 20, 6));
        w.Production(mango, "harvesting", At(4, 20, 8), M("brix", 15.2, "P1"));
    }

    private static DemoProducer Producer(int number) => DemoProducers.Number(number);

    private static BatchRef Ref(int producer, ProductLine line, string lot) =>
        new() { Gtin = GtinOf(Producer(producer), line), Lot = lot };
}
