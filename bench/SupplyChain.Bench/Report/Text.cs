using System.Globalization;

namespace SupplyChain.Bench.Report;

/// <summary>Numbers and text formatted for the markdown table.</summary>
public static class Text
{
    public static string Rate(double perSecond) => double.IsNaN(perSecond) ? "-" : $"{perSecond.ToString("N0", CultureInfo.InvariantCulture)}/s";

    public static string Ms(double ms) =>
        double.IsNaN(ms) ? "-" : ms < 10 ? $"{ms.ToString("0.00", CultureInfo.InvariantCulture)} ms" : $"{ms.ToString("N1", CultureInfo.InvariantCulture)} ms";

    public static string Ratio(double x) => double.IsNaN(x) ? "-" : $"{x.ToString("0.00", CultureInfo.InvariantCulture)} x";

    public static string Percent(double p) => double.IsNaN(p) ? "-" : $"{p.ToString("0", CultureInfo.InvariantCulture)} %";

    public static string Number(double n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Fixed(double n, int decimals) => double.IsNaN(n) ? "-" : n.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Met(bool met) => met ? "yes" : "**no**";

    /// <summary>Text safe inside a markdown table cell: one line, no pipes, not too long.</summary>
    public static string Cell(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "/", StringComparison.Ordinal);
        return line.Length <= 300 ? line : line[..297] + "...";
    }
}
