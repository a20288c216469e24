using QRCoder;

namespace SupplyChain.Server.Links;

/// <summary>A Digital Link as a QR code image, with error correction level M (about 15 % of the code may be damaged).</summary>
public static class QrImage
{
    public static string Svg(string link)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }

    public static byte[] Png(string link)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
