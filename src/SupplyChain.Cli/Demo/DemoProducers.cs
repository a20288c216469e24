using SupplyChain.V1;
using static SupplyChain.Cli.Demo.Communes;
using static SupplyChain.Cli.Demo.DemoProducts;

namespace SupplyChain.Cli.Demo;

/// <summary>A demo OCOP producer and the product lines it registers, its best-rated first.</summary>
internal sealed record DemoProducer(
    int Number,
    string Name,
    ProducerKind Kind,
    string District,
    string Commune,
    string Brand,
    int PendingFive,
    int FourStar,
    IReadOnlyList<ProductLine> Lines)
{
    public string Gln => DemoKeys.Gln(DemoKeys.ProducerGroup, Number);

    public RegisterParticipantRequest ToRequest()
    {
        Communes.Check(District, Commune);
        return new RegisterParticipantRequest
        {
            Gln = Gln,
            Name = Name,
            Roles = { Role.Producer },
            Province = Province,
            District = District,
            Commune = Commune,
            Kind = Kind,
        };
    }
}

/// <summary>
/// DEMONSTRATION DATA. Bac Lieu's OCOP programme at its published size: 69 producers with 145 rated
/// products (31 four-star, 114 three-star), and two more salt products of one cooperative rated four
/// stars with a five-star assessment pending. The producers, their names and their brands are invented;
/// only the places are real. Any likeness to a real firm is a coincidence.
/// </summary>
internal static class DemoProducers
{
    private const ProducerKind Cooperative = ProducerKind.Cooperative;
    private const ProducerKind Enterprise = ProducerKind.Enterprise;
    private const ProducerKind Household = ProducerKind.Household;

    /// <summary>All 69, numbered from 1; the number is part of each GLN and GTIN.</summary>
    public static readonly IReadOnlyList<DemoProducer> All =
    [
        // Salt: 9 producers, 20 products (2 pending five stars, 5 four-star).
        new(1, "Long Dien Dong Salt Cooperative", Cooperative, DongHai, "Long Dien Dong", "Long Dien Dong", 2, 1,
            [SaltFlower, CoarseSalt, FineSalt, ShrimpSalt]),
        P(2, "Dien Hai Salt Cooperative", Cooperative, DongHai, "Dien Hai", "Dien Hai", 1, CoarseSalt, FineSalt, RoastedSalt),
        P(3, "Long Dien Tay Salt Makers Cooperative", Cooperative, DongHai, "Long Dien Tay", "Long Dien Tay", 1, CoarseSalt, ChiliLemongrassSalt),
        P(4, "Hiep Thanh Salt Field Cooperative", Cooperative, BacLieuCity, "Hiep Thanh", "Hiep Thanh", 1, CoarseSalt, FineSalt),
        P(5, "Ba Hong Salt Household", Household, BacLieuCity, "Vinh Trach Dong", "Ba Hong", 0, ShrimpSalt, ChiliLemongrassSalt),
        P(6, "Sao Bien Salt Products Co., Ltd.", Enterprise, BacLieuCity, "Nha Mat", "Sao Bien", 1, IodisedSalt, RoastedSalt, TamarindSalt),
        P(7, "Tam Muoi Household", Household, DongHai, "Long Dien Dong A", "Tam Muoi", 0, ShrimpSalt),
        P(8, "Long Dien Salt Field Cooperative", Cooperative, DongHai, "Long Dien", "Long Dien", 0, CoarseSalt, FineSalt),
        P(9, "Vinh Thinh Sea Salt Household", Household, HoaBinh, "Vinh Thinh", "Vinh Thinh", 0, ShrimpSalt),

        // Shrimp: 13 producers, 28 products (6 four-star).
        P(10, "Vinh Hau Shrimp Farm Co., Ltd.", Enterprise, HoaBinh, "Vinh Hau", "Vinh Hau", 2, FrozenTigerWhole, FrozenTigerHeadless, FrozenWhitelegPeeled),
        P(11, "Ganh Hao Seafood Processing Co., Ltd.", Enterprise, DongHai, "Ganh Hao", "Ganh Hao Seafood", 1, FrozenWhitelegPeeled, FrozenTigerWhole, DriedShrimp),
        P(12, "Ba Nam Dried Shrimp Household", Household, DongHai, "Ganh Hao", "Ba Nam", 0, DriedShrimp, DriedBabyShrimp),
        P(13, "Vinh Hau A Shrimp Cooperative", Cooperative, HoaBinh, "Vinh Hau A", "Vinh Hau A", 1, FrozenTigerWhole, FrozenWhitelegPeeled),
        P(14, "An Trach Clean Shrimp Cooperative", Cooperative, DongHai, "An Trach", "An Trach", 0, FrozenWhitelegWhole, DriedShrimp),
        P(15, "Dinh Thanh Shrimp Cooperative", Cooperative, DongHai, "Dinh Thanh", "Dinh Thanh", 1, FrozenTigerWhole, DriedShrimp),
        P(16, "Chin Loi Dried Shrimp Household", Household, GiaRaiTown, "Phong Thanh Dong", "Chin Loi", 0, DriedShrimp, DriedBabyShrimp),
        P(17, "Tan Phong Aquaculture Co., Ltd.", Enterprise, GiaRaiTown, "Tan Phong", "Tan Phong", 1, FrozenWhitelegWhole, FrozenWhitelegPeeled, FrozenTigerHeadless),
        P(18, "Vinh Phu Tay Rice-Shrimp Cooperative", Cooperative, PhuocLong, "Vinh Phu Tay", "Vinh Phu Tay", 0, FrozenGiantPrawn, FrozenTigerWhole),
        P(19, "Sau Hien Shrimp Household", Household, VinhLoi, "Vinh Hung", "Sau Hien", 0, DriedShrimp),
        P(20, "Vinh Trach Dong Shrimp Cooperative", Cooperative, BacLieuCity, "Vinh Trach Dong", "Vinh Trach Dong", 0, FrozenTigerWhole, DriedShrimp),
        P(21, "Ninh Thanh Loi Giant Prawn Cooperative", Cooperative, HongDan, "Ninh Thanh Loi", "Ninh Thanh Loi", 0, FrozenGiantPrawn, DriedShrimp),
        P(22, "Muoi Thao Shrimp Household", Household, HoaBinh, "Vinh My A", "Muoi Thao", 0, FrozenTigerWhole, DriedBabyShrimp),

        // Rice: 13 producers, 27 products (7 four-star).
        P(23, "Phuoc Long Rice-Shrimp Cooperative", Cooperative, PhuocLong, "Phuoc Long", "Phuoc Long", 2, St25ShrimpRice, St25, OrganicSt25),
        P(24, "Vinh Phu Dong Agricultural Cooperative", Cooperative, PhuocLong, "Vinh Phu Dong", "Vinh Phu Dong", 1, St25, St24),
        P(25, "One Grain Rice Co., Ltd.", Enterprise, PhuocLong, "Phuoc Long", "One Grain", 1, St25, St24, BrownSt25, BlackGlutinous),
        P(26, "Phong Thanh Tay A Agricultural Cooperative", Cooperative, PhuocLong, "Phong Thanh Tay A", "Phong Thanh Tay", 0, St25ShrimpRice, St24),
        P(27, "Tu Lua Rice Household", Household, PhuocLong, "Hung Phu", "Tu Lua", 0, St24),
        P(28, "Ninh Quoi Rice Cooperative", Cooperative, HongDan, "Ninh Quoi", "Ninh Quoi", 1, St25, St25ShrimpRice),
        P(29, "Ninh Hoa Agricultural Cooperative", Cooperative, HongDan, "Ninh Hoa", "Ninh Hoa", 0, St24, BrownSt25),
        P(30, "Loc Ninh Organic Rice Co., Ltd.", Enterprise, HongDan, "Loc Ninh", "Loc Ninh Organic", 1, OrganicSt25, BrownSt25, St25),
        P(31, "Bay Dong Rice-Shrimp Household", Household, HongDan, "Vinh Loc", "Bay Dong", 0, St25ShrimpRice),
        P(32, "Chau Hung A Rice Cooperative", Cooperative, VinhLoi, "Chau Hung A", "Chau Hung A", 1, St24, BlackGlutinous),
        P(33, "Hai Nep Glutinous Rice Household", Household, VinhLoi, "Hung Hoi", "Hai Nep", 0, BlackGlutinous),
        P(34, "Phong Tan Rice Cooperative", Cooperative, GiaRaiTown, "Phong Tan", "Phong Tan", 0, St25, St24),
        P(35, "Minh Dieu Rice Cooperative", Cooperative, HoaBinh, "Minh Dieu", "Minh Dieu", 0, St25, BrownSt25),

        // Honey: 6 producers, 12 products (3 four-star).
        P(36, "Ninh Thanh Loi A Melaleuca Honey Cooperative", Cooperative, HongDan, "Ninh Thanh Loi A", "Rung Tram", 1, MelaleucaHoney, WildHoney, CombHoney),
        P(37, "Nam Ong Beekeeping Household", Household, HongDan, "Vinh Loc A", "Nam Ong", 0, MelaleucaHoney, WildHoney),
        P(38, "Vinh Thanh Honey Co., Ltd.", Enterprise, PhuocLong, "Vinh Thanh", "Vinh Thanh", 1, MelaleucaHoney, CoconutHoney, CombHoney),
        P(39, "Phong Thanh Tay B Bee Cooperative", Cooperative, PhuocLong, "Phong Thanh Tay B", "Phong Thanh Tay B", 0, MelaleucaHoney),
        P(40, "Ut Mat Beekeeping Household", Household, GiaRaiTown, "Phong Thanh Nam", "Ut Mat", 1, MelaleucaHoney, WildHoney),
        P(41, "Ba Dua Coconut Honey Household", Household, VinhLoi, "Long Thanh", "Ba Dua", 0, CoconutHoney),

        // Dried seafood: 13 producers, 28 products (5 four-star).
        P(42, "Ganh Hao Dried Seafood Cooperative", Cooperative, DongHai, "Ganh Hao", "Ganh Hao", 1, DriedSquid, DriedSnakeskin, DriedGoby),
        P(43, "Co Ut Dried Fish Household", Household, DongHai, "Ganh Hao", "Co Ut", 0, DriedSnakeskin, DriedSnakehead),
        P(44, "Dien Hai Sea Products Co., Ltd.", Enterprise, DongHai, "Dien Hai", "Dien Hai Sea", 1, DriedSquid, DriedAnchovy, DriedThreadfin),
        P(45, "Tu Khoe Dried Fish Household", Household, DongHai, "Long Dien", "Tu Khoe", 0, DriedGoby, DriedMudskipper),
        P(46, "Nha Mat Dried Seafood Cooperative", Cooperative, BacLieuCity, "Nha Mat", "Nha Mat", 1, DriedSnakeskin, DriedSquid, DriedGoby),
        P(47, "Ba Sau Dried Fish Household", Household, BacLieuCity, "Nha Mat", "Ba Sau", 0, DriedSnakehead, DriedSnakeskin),
        P(48, "Bac Lieu Sea Products Co., Ltd.", Enterprise, BacLieuCity, "Ward 8", "BL Sea", 1, DriedSquid, DriedThreadfin),
        P(49, "Vinh Thinh Dried Fish Cooperative", Cooperative, HoaBinh, "Vinh Thinh", "Vinh Thinh Fish", 0, DriedGoby, DriedMudskipper),
        P(50, "Bon Bien Dried Seafood Household", Household, DongHai, "An Phuc", "Bon Bien", 0, DriedAnchovy, DriedSquid),
        P(51, "Nam Muc Dried Squid Household", Household, DongHai, "Long Dien Dong A", "Nam Muc", 0, DriedSquid, DriedThreadfin),
        P(52, "Bay Lanh Dried Fish Household", Household, HoaBinh, "Vinh My B", "Bay Lanh", 1, DriedSnakeskin, DriedSnakehead),
        P(53, "Thanh Tam Seafood Co., Ltd.", Enterprise, DongHai, "Ganh Hao", "Thanh Tam", 0, DriedSquid, DriedGoby),
        P(54, "Sau Ca Dried Fish Household", Household, VinhLoi, "Hung Thanh", "Sau Ca", 0, DriedSnakehead),

        // Fish sauce: 6 producers, 13 products (3 four-star).
        P(55, "Ganh Hao Traditional Fish Sauce Co., Ltd.", Enterprise, DongHai, "Ganh Hao", "Ganh Hao Nhi", 1, FishSauce40, FishSauce30, FishSauce20),
        P(56, "Nha Mat Fish Sauce Household", Household, BacLieuCity, "Nha Mat", "Nha Mat Nhi", 0, FishSauce30, FishSauce20),
        P(57, "An Trach A Fish Sauce Cooperative", Cooperative, DongHai, "An Trach A", "An Trach A", 1, FishSauce35, FishSauce25),
        P(58, "Chin Nhi Fish Sauce Household", Household, HoaBinh, "Vinh Thinh", "Chin Nhi", 0, FishSauce30, FishSauce20),
        P(59, "Long Dien Fish Sauce Co., Ltd.", Enterprise, DongHai, "Long Dien", "Long Dien Nhi", 1, FishSauce40, FishSauce35),
        P(60, "Bac Lieu Fish Sauce Cooperative", Cooperative, BacLieuCity, "Ward 2", "Bac Lieu Nhi", 0, FishSauce30, FishSauce25),

        // Fruit: 9 producers, 19 products (2 four-star).
        P(61, "Bac Lieu Longan Garden Cooperative", Cooperative, BacLieuCity, "Ward 8", "Vuon Nhan", 1, FreshLongan, DriedLongan),
        P(62, "Sau Nhan Longan Household", Household, BacLieuCity, "Vinh Trach", "Sau Nhan", 0, FreshLongan, DriedLongan),
        P(63, "Nhan Co Fruit Co., Ltd.", Enterprise, BacLieuCity, "Ward 5", "Nhan Co", 1, FreshLongan, DriedLongan, DriedBanana),
        P(64, "Chau Thoi Fruit Cooperative", Cooperative, VinhLoi, "Chau Thoi", "Chau Thoi", 0, Mango, Pomelo),
        P(65, "Vinh Hung A Mango Cooperative", Cooperative, VinhLoi, "Vinh Hung A", "Vinh Hung A", 0, Mango, DriedMango),
        P(66, "Ba Buoi Pomelo Household", Household, VinhLoi, "Chau Hung", "Ba Buoi", 0, Pomelo),
        P(67, "Ngan Dua Fruit Cooperative", Cooperative, HongDan, "Ngan Dua", "Ngan Dua", 0, Pomelo, DriedBanana, Mango),
        P(68, "Tam Chuoi Banana Household", Household, GiaRaiTown, "Ho Phong", "Tam Chuoi", 0, SiameseBanana, DriedBanana),
        P(69, "Ninh Quoi A Fruit Household", Household, HongDan, "Ninh Quoi A", "Ninh Quoi A", 0, Pomelo, SiameseBanana),
    ];

    /// <summary>The producer with this number.</summary>
    public static DemoProducer Number(int number) =>
        All.FirstOrDefault(p => p.Number == number) ?? throw new InvalidOperationException($"demo data: no producer {number}");

    private static DemoProducer P(int number, string name, ProducerKind kind, string district, string commune, string brand, int fourStar, params ProductLine[] lines) =>
        new(number, name, kind, district, commune, brand, 0, fourStar, lines);
}
