using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using SupplyChain.Cli.Output;

namespace SupplyChain.Cli.Arguments;

/// <summary>Numbers, times and enum names as typed on the command line; culture-invariant.</summary>
internal static class ValueSyntax
{
    private static readonly string[] s_timeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static double Number(string option, string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (double)value
            : throw new UsageException($"{option} '{text}' is not a number");

    public static int WholeNumber(string option, string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{option} '{text}' is not a whole number");

    /// <summary>ISO 8601; a time without an offset is taken as UTC.</summary>
    public static Timestamp Time(string option, string text) =>
        DateTimeOffset.TryParseExact(text, s_timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? Timestamp.FromDateTimeOffset(time)
            : throw new UsageException($"{option} '{text}' is not an ISO 8601 time, e.g. 2024-05-01T08:30:00+07:00");

    /// <summary>A calendar day, as midnight UTC of that day.</summary>
    public static Timestamp Date(string option, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Timestamp.FromDateTimeOffset(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
            : throw new UsageException($"{option} '{text}' is not a date, e.g. 2024-05-01");

    /// <summary>An enum value by its lower-case, dash-separated name, e.g. "food-safety".</summary>
    public static TEnum Name<TEnum>(string option, string text)
        where TEnum : struct, System.Enum
    {
        var wanted = text.Trim().Replace('_', '-');
        var choices = System.Enum.GetValues<TEnum>().Where(value => Display.Name(value).Length > 0).ToList();
        foreach (var choice in choices)
        {
            if (string.Equals(Display.Name(choice), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        throw new UsageException($"{option} '{text}' is not one of {string.Join(", ", choices.Select(Display.Name))}");
    }

    public static IReadOnlyList<TEnum> Names<TEnum>(string option, string text)
        where TEnum : struct, System.Enum =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Name<TEnum>(option, name))
            .ToList();
}
