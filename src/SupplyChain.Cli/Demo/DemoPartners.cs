using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>
/// DEMONSTRATION DATA. The trading partners and inspectors of the demo producers: distributors in
/// Ho Chi Minh City and Can Tho, supermarket chains in Ho Chi Minh City, a food-safety lab and the
/// provincial OCOP office in Bac Lieu. All of them are invented.
/// </summary>
internal static class DemoPartners
{
    private const string HoChiMinhCity = "Ho Chi Minh City";

    /// <summary>Dry-goods distributor of salt, honey, fish sauce and dried seafood.</summary>
    public static readonly string SaiGonTrading = DemoKeys.Gln(DemoKeys.DistributorGroup, 1);

    /// <summary>Cold-chain distributor of frozen shrimp.</summary>
    public static readonly string PhuongNamColdChain = DemoKeys.Gln(DemoKeys.DistributorGroup, 2);

    /// <summary>Rice distributor of the Mekong delta.</summary>
    public static readonly string TayDoAgri = DemoKeys.Gln(DemoKeys.DistributorGroup, 3);

    public static readonly string GreenBasket = DemoKeys.Gln(DemoKeys.RetailerGroup, 1);
    public static readonly string SaigonFresh = DemoKeys.Gln(DemoKeys.RetailerGroup, 2);
    public static readonly string MekongTable = DemoKeys.Gln(DemoKeys.RetailerGroup, 3);

    public static readonly string FoodSafetyLab = DemoKeys.Gln(DemoKeys.LabGroup, 1);
    public static readonly string OcopOffice = DemoKeys.Gln(DemoKeys.AuditorGroup, 1);

    public static IReadOnlyList<RegisterParticipantRequest> Build() =>
    [
        Partner(SaiGonTrading, "Sai Gon OCOP Trading Co., Ltd.", Role.Distributor, HoChiMinhCity, "Binh Tan District", "An Lac Ward"),
        Partner(PhuongNamColdChain, "Phuong Nam Cold Chain Logistics JSC", Role.Distributor, HoChiMinhCity, "Thu Duc City", "Linh Trung Ward"),
        Partner(TayDoAgri, "Tay Do Agri Distribution Co., Ltd.", Role.Distributor, "Can Tho", "Ninh Kieu District", "Cai Khe Ward"),
        Partner(GreenBasket, "GreenBasket Supermarkets", Role.Retailer, HoChiMinhCity, "District 7", "Tan Phong Ward"),
        Partner(SaigonFresh, "Saigon Fresh Mart", Role.Retailer, HoChiMinhCity, "Phu Nhuan District", "Ward 9"),
        Partner(MekongTable, "Mekong Table Supermarkets", Role.Retailer, HoChiMinhCity, "Tan Binh District", "Ward 2"),
        Partner(FoodSafetyLab, "Bac Lieu Food Safety Testing Laboratory", Role.Lab, Communes.Province, Communes.BacLieuCity, "Ward 1"),
        Partner(OcopOffice, "Bac Lieu Provincial OCOP Office (Department of Agriculture)", Role.Auditor, Communes.Province, Communes.BacLieuCity, "Ward 3"),
    ];

    private static RegisterParticipantRequest Partner(string gln, string name, Role role, string province, string district, string commune) =>
        new() { Gln = gln, Name = name, Roles = { role }, Province = province, District = district, Commune = commune };
}
