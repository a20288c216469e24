namespace SupplyChain.Cli.Demo;

/// <summary>
/// Bac Lieu province's city, town and districts with their wards, townships and communes, as they stood
/// before the 2025 administrative reorganisation (the names OCOP certificates of 2023-2025 carry).
/// Written without diacritics so that any terminal shows them.
/// </summary>
internal static class Communes
{
    public const string Province = "Bac Lieu";

    public const string BacLieuCity = "Bac Lieu City";
    public const string GiaRaiTown = "Gia Rai Town";
    public const string DongHai = "Dong Hai District";
    public const string HoaBinh = "Hoa Binh District";
    public const string VinhLoi = "Vinh Loi District";
    public const string HongDan = "Hong Dan District";
    public const string PhuocLong = "Phuoc Long District";

    /// <summary>Wards, townships and communes of each city, town and district.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByDistrict = new Dictionary<string, IReadOnlyList<string>>
    {
        [BacLieuCity] = ["Ward 1", "Ward 2", "Ward 3", "Ward 5", "Ward 7", "Ward 8", "Nha Mat", "Hiep Thanh", "Vinh Trach", "Vinh Trach Dong"],
        [GiaRaiTown] = ["Ward 1", "Ho Phong", "Lang Tron", "Phong Tan", "Phong Thanh", "Phong Thanh A", "Phong Thanh Dong", "Phong Thanh Nam", "Tan Phong", "Tan Thanh"],
        [DongHai] = ["Ganh Hao", "An Phuc", "An Trach", "An Trach A", "Dien Hai", "Dinh Thanh", "Long Dien", "Long Dien Dong", "Long Dien Dong A", "Long Dien Tay"],
        [HoaBinh] = ["Hoa Binh", "Minh Dieu", "Vinh Binh", "Vinh Hau", "Vinh Hau A", "Vinh My A", "Vinh My B", "Vinh Thinh"],
        [VinhLoi] = ["Chau Hung", "Chau Hung A", "Chau Thoi", "Hung Hoi", "Hung Thanh", "Long Thanh", "Vinh Hung", "Vinh Hung A"],
        [HongDan] = ["Ngan Dua", "Loc Ninh", "Ninh Hoa", "Ninh Quoi", "Ninh Quoi A", "Ninh Thanh Loi", "Ninh Thanh Loi A", "Vinh Loc", "Vinh Loc A"],
        [PhuocLong] = ["Phuoc Long", "Hung Phu", "Phong Thanh Tay A", "Phong Thanh Tay B", "Vinh Phu Dong", "Vinh Phu Tay", "Vinh Thanh"],
    };

    /// <summary>Fails fast on a typing slip in the producer table.</summary>
    public static void Check(string district, string commune)
    {
        if (!ByDistrict.TryGetValue(district, out var communes) || !communes.Contains(commune))
        {
            throw new InvalidOperationException($"demo data: '{commune}' is not a commune of '{district}'");
        }
    }
}
