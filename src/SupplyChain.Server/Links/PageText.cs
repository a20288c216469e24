using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Links;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Server.Links;

/// <summary>The words of the consumer pages in one language: Vietnamese first, English for visitors.</summary>
public sealed record PageText(
    string Language, string OtherLanguage, string OtherLanguageName, string Lot, string Gtin, string Stars, string Producer, string OcopCertificate,
    string CertificateNumber, string CertifiedOn, string Pending, string NotRated, string Verified, string NotVerified, string ProducedOn,
    string ExpiresOn, string NoExpiry, string Quantity, string Holder, string Status, string Journey, string Checks, string NoChecks,
    string Pass, string Fail, string Origins, string Recalled, string OnHold, string DoNotUse, string Reason, string Circular,
    string ProductName, string Address, string TraceCode, string Batches, string ImagePlaceholder, string Links, string NotFound,
    string NotFoundLot, string BadRequest, string TooMany, string TooManyDetail, string From, string To, string At, string Reference,
    string ProductPage, string LotsHint)
{
    public static readonly PageText English = new(
        "en", "vi", "Tiếng Việt", "Lot", "GTIN", "OCOP stars", "Producer", "OCOP certificate",
        "Certificate number", "Certified on", "Under review for {0} stars", "Not rated under OCOP", "Record verified", "Record not verified", "Produced on",
        "Expiry date", "No expiry date is recorded for this lot; see the package.", "Quantity", "Now held by", "Status", "From production to this shop", "Checks", "No checks recorded.",
        "Passed", "Failed", "Origin lots", "RECALLED", "ON HOLD", "Do not eat or use this product; return it to the shop.", "Reason", "Information required by Circular 02/2024/TT-BKHCN",
        "Product name", "Address", "Traceability code", "Lots in this story", "Product image", "Links", "Not found",
        "We have no record of this code. Check the number printed on the package, or ask the shop.", "This is not a product code we can read", "Too many requests",
        "This address asked for too many pages in a short time. Please wait a minute and try again.", "from", "to", "at", "Reference",
        "Product information", "Scan the code on a package to see the story of its lot.");

    public static readonly PageText Vietnamese = new(
        "vi", "en", "English", "Lô", "GTIN", "sao OCOP", "Nhà sản xuất", "Chứng nhận OCOP",
        "Số chứng nhận", "Ngày cấp", "Đang được xét nâng hạng {0} sao", "Chưa được xếp hạng OCOP", "Hồ sơ đã được xác minh", "Chưa xác minh được hồ sơ", "Ngày sản xuất",
        "Hạn sử dụng", "Lô này chưa ghi nhận hạn sử dụng; xem trên bao bì.", "Số lượng", "Đơn vị đang giữ", "Trạng thái", "Hành trình từ nơi sản xuất đến cửa hàng", "Các lần kiểm tra", "Chưa có lần kiểm tra nào.",
        "Đạt", "Không đạt", "Lô nguyên liệu gốc", "ĐÃ THU HỒI", "ĐANG TẠM GIỮ", "Không ăn hoặc sử dụng sản phẩm này; hãy trả lại cửa hàng.", "Lý do", "Thông tin theo Thông tư 02/2024/TT-BKHCN",
        "Tên sản phẩm", "Địa chỉ", "Mã truy xuất", "Số lô trong hành trình", "Ảnh sản phẩm", "Liên kết", "Không tìm thấy",
        "Chúng tôi không có hồ sơ của mã này. Hãy kiểm tra số in trên bao bì hoặc hỏi cửa hàng.", "Đây không phải mã sản phẩm hợp lệ", "Quá nhiều yêu cầu",
        "Địa chỉ này đã yêu cầu quá nhiều trang trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.", "từ", "đến", "tại", "Số tham chiếu",
        "Thông tin sản phẩm", "Quét mã trên bao bì để xem hành trình của lô hàng.");

    /// <summary>The language a request asks for: ?lang=vi|en first, then Accept-Language, else Vietnamese.</summary>
    public static PageText For(string? lang, string? acceptLanguage)
    {
        if (lang is "en" or "vi")
        {
            return lang == "en" ? English : Vietnamese;
        }

        foreach (var part in (acceptLanguage ?? "").Split(','))
        {
            var tag = part.Split(';')[0].Trim().ToLowerInvariant();
            if (tag.StartsWith("vi", StringComparison.Ordinal))
            {
                return Vietnamese;
            }

            if (tag.StartsWith("en", StringComparison.Ordinal))
            {
                return English;
            }
        }

        return Vietnamese;
    }

    public bool IsVietnamese => Language == "vi";

    public string Step(StoryStepKind kind) => (IsVietnamese, kind) switch
    {
        (false, StoryStepKind.Produced) => "Produced",
        (false, StoryStepKind.Checked) => "Checked",
        (false, StoryStepKind.Shipped) => "Shipped",
        (false, StoryStepKind.Received) => "Received",
        (false, StoryStepKind.Rejected) => "Refused at delivery",
        (false, StoryStepKind.SplitOff) => "Split off lot",
        (false, StoryStepKind.Split) => "Split into lots",
        (false, StoryStepKind.MergedFrom) => "Merged from lots",
        (false, StoryStepKind.MergedInto) => "Merged into lot",
        (false, StoryStepKind.TransformedFrom) => "Processed from lots",
        (false, StoryStepKind.TransformedInto) => "Processed into lots",
        (false, _) => "Undone",
        (true, StoryStepKind.Produced) => "Sản xuất",
        (true, StoryStepKind.Checked) => "Kiểm tra",
        (true, StoryStepKind.Shipped) => "Giao hàng",
        (true, StoryStepKind.Received) => "Nhận hàng",
        (true, StoryStepKind.Rejected) => "Từ chối nhận hàng",
        (true, StoryStepKind.SplitOff) => "Tách ra từ lô",
        (true, StoryStepKind.Split) => "Chia thành các lô",
        (true, StoryStepKind.MergedFrom) => "Gộp từ các lô",
        (true, StoryStepKind.MergedInto) => "Gộp vào lô",
        (true, StoryStepKind.TransformedFrom) => "Chế biến từ các lô",
        (true, StoryStepKind.TransformedInto) => "Đưa vào chế biến thành các lô",
        (true, _) => "Đã hủy thao tác",
    };

    public string CheckKind(CheckpointKind kind) => (IsVietnamese, kind) switch
    {
        (false, CheckpointKind.Production) => "production",
        (false, CheckpointKind.Environmental) => "environment",
        (false, CheckpointKind.FoodSafety) => "food safety",
        (true, CheckpointKind.Production) => "sản xuất",
        (true, CheckpointKind.Environmental) => "môi trường",
        (true, CheckpointKind.FoodSafety) => "an toàn thực phẩm",
        _ => kind.ToString(),
    };

    /// <summary>A checkpoint's step in this language; the CBV words the data uses are translated, others shown as written.</summary>
    public string CheckStep(string step) => !IsVietnamese ? step switch
    {
        "sensor_reporting" => "environment reading",
        _ => step,
    }
    : step switch
    {
        "sensor_reporting" => "đo môi trường",
        "harvesting" => "thu hoạch",
        "drying" => "phơi sấy",
        "packing" => "đóng gói",
        "freezing" => "cấp đông",
        "inspecting" => "kiểm nghiệm",
        "milling" => "xay xát",
        "boiling" => "nấu",
        "bottling" => "đóng chai",
        "receiving" => "nhận hàng",
        _ => step,
    };

    public string StatusName(BatchStatus status) => (IsVietnamese, status) switch
    {
        (false, BatchStatus.Active) => "on sale",
        (false, BatchStatus.InTransit) => "on its way",
        (false, BatchStatus.Consumed) => "used up",
        (false, BatchStatus.Recalled) => "recalled",
        (false, BatchStatus.OnHold) => "on hold",
        (true, BatchStatus.Active) => "đang lưu hành",
        (true, BatchStatus.InTransit) => "đang vận chuyển",
        (true, BatchStatus.Consumed) => "đã dùng hết",
        (true, BatchStatus.Recalled) => "đã thu hồi",
        (true, BatchStatus.OnHold) => "đang tạm giữ",
        _ => status.ToString(),
    };

    public string KindName(ProducerKind kind) => (IsVietnamese, kind) switch
    {
        (false, ProducerKind.Cooperative) => "cooperative",
        (false, ProducerKind.Enterprise) => "enterprise",
        (false, ProducerKind.Household) => "household business",
        (true, ProducerKind.Cooperative) => "hợp tác xã",
        (true, ProducerKind.Enterprise) => "doanh nghiệp",
        (true, ProducerKind.Household) => "hộ kinh doanh",
        _ => "",
    };

    /// <summary>Vietnam's time (UTC+7, no daylight saving): the shopper's clock, whatever offset an event was sent with.</summary>
    public static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    public string Date(DateTimeOffset at) => at.ToOffset(VietnamTime).ToString(IsVietnamese ? "dd/MM/yyyy" : "d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string DateTime(DateTimeOffset at) => at.ToOffset(VietnamTime).ToString(IsVietnamese ? "dd/MM/yyyy HH:mm" : "d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
