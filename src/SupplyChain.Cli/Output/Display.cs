using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using SupplyChain.V1;

namespace SupplyChain.Cli.Output;

/// <summary>How values read for people: invariant numbers, UTC times, lower-case enum names.</summary>
internal static class Display
{
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static string Quantity(Quantity? quantity) =>
        quantity is null ? "" : $"{Number(quantity.Value)} {quantity.Unit}".Trim();

    public static string Reading(Measurement? measurement) =>
        measurement is null ? "" : $"{Number(measurement.Value)} {measurement.Unit}".Trim();

    public static string Time(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"InTransit" reads "in-transit"; the unspecified value reads as nothing.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, System.Enum
    {
        var text = value.ToString();
        if (text == "Unspecified")
        {
            return "";
        }

        var name = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return name.ToString();
    }

    public static string Names<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, System.Enum => string.Join(",", values.Select(Name));

    public static string Outcome(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        _ => "not judged",
    };

    /// <summary>"0.5 to 2 P1", "<= -18 CEL", ">= 10 PPT".</summary>
    public static string Range(Limit? limit) => limit switch
    {
        null => "",
        { HasMin: true, HasMax: true } => $"{Number(limit.Min)} to {Number(limit.Max)} {limit.Unit}",
        { HasMax: true } => $"<= {Number(limit.Max)} {limit.Unit}",
        { HasMin: true } => $">= {Number(limit.Min)} {limit.Unit}",
        _ => $"any {limit.Unit}",
    };

    public static string Batch(BatchRef batch) => $"{batch.Gtin}/{batch.Lot}";

    public static string Batches(IEnumerable<BatchRef> batches) => string.Join(", ", batches.Select(Batch));

    public static string ShortHash(string hash) => hash.Length <= 12 ? hash : hash[..12];

    /// <summary>How an event declared in error is marked: when, by whom, why, and what corrects it.</summary>
    public static string Declared(ErrorDeclaration? declaration) => declaration is null ? "" :
        $"DECLARED IN ERROR {Time(declaration.DeclarationTime)} by {declaration.DeclaredByGln}"
        + (declaration.Reason.Length > 0 ? $": {declaration.Reason}" : "")
        + (declaration.CorrectiveEventIds.Count > 0 ? $" (corrected by {string.Join(", ", declaration.CorrectiveEventIds)})" : "");

    public static string YesNo(bool value) => value ? "yes" : "no";
}
