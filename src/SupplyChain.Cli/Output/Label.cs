using System.Globalization;
using System.Net;
using QRCoder;
using SupplyChain.V1;

namespace SupplyChain.Cli.Output;

/// <summary>A printable label for a lot: its Digital Link as a QR code, the product, the lot and the OCOP stars.</summary>
internal static class Label
{
    /// <summary>An SVG label, 80 x 36 mm: the QR code on the left, the words on the right.</summary>
    public static string Svg(Product product, Batch batch, string link)
    {
        var (modules, size) = Modules(link);
        var stars = product.OcopStars > 0 ? $"OCOP {new string('★', product.OcopStars)}{new string('☆', 5 - product.OcopStars)}" : "";
        var scale = 32.0 / size;
        var lines = Wrap(product.Name, 24);
        var qr = string.Join("", modules.Select(m => $"M{F(2 + m.X * scale)} {F(2 + m.Y * scale)}h{F(scale)}v{F(scale)}h-{F(scale)}z"));
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="80mm" height="36mm" viewBox="0 0 80 36">
              <rect width="80" height="36" fill="#fff"/>
              <path d="{qr}" fill="#000" shape-rendering="crispEdges"/>
              <text x="36" y="8" font-family="sans-serif" font-size="3" font-weight="bold">{E(lines[0])}</text>
              <text x="36" y="12" font-family="sans-serif" font-size="3">{E(lines[1])}</text>
              <text x="36" y="19" font-family="sans-serif" font-size="2.6">Lô/Lot {E(batch.Lot)}</text>
              <text x="36" y="23" font-family="sans-serif" font-size="2.6">GTIN {E(batch.Gtin)}</text>
              <text x="36" y="29" font-family="sans-serif" font-size="3.2" fill="#b07800">{E(stars)}</text>
              <text x="2" y="35" font-family="sans-serif" font-size="1.6">{E(link)}</text>
            </svg>
            """;
    }

    /// <summary>An HTML page holding the SVG label, ready to print.</summary>
    public static string Html(Product product, Batch batch, string link) => $$"""
        <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{E(product.Name)}} · {{E(batch.Lot)}}</title>
        <style>@page{size:80mm 36mm;margin:0}body{margin:0}svg{display:block}</style></head>
        <body>{{Svg(product, batch, link)}}</body></html>
        """;

    private static (IReadOnlyList<(int X, int Y)> Dark, int Size) Modules(string link)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var dark = new List<(int, int)>();
        for (var y = 0; y < rows.Count; y++)
        {
            for (var x = 0; x < rows[y].Length; x++)
            {
                if (rows[y][x])
                {
                    dark.Add((x, y));
                }
            }
        }

        return (dark, rows.Count);
    }

    // Two lines at most, broken between words; what does not fit ends in an ellipsis.
    private static string[] Wrap(string text, int width)
    {
        var lines = new[] { "", "" };
        var line = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines[line].Length > 0 && lines[line].Length + 1 + word.Length > width)
            {
                if (++line == lines.Length)
                {
                    lines[^1] = lines[^1].Length > width - 1 ? lines[^1][..(width - 1)] + "…" : lines[^1] + "…";
                    break;
                }
            }

            lines[line] = lines[line].Length == 0 ? word : $"{lines[line]} {word}";
        }

        return lines;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
