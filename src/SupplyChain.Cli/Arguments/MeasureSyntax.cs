using SupplyChain.V1;

namespace SupplyChain.Cli.Arguments;

/// <summary>Quantities, limits ("type:min:max:unit") and readings ("type=value:unit") as typed on the command line.</summary>
internal static class MeasureSyntax
{
    public static Quantity Quantity(string amount, string unit) =>
        new() { Value = ValueSyntax.Number("--quantity", amount), Unit = unit };

    /// <summary>The --quantity and --unit pair when a command may leave the amount to the server.</summary>
    public static Quantity? OptionalQuantity(CommandLine line)
    {
        var amount = line.Optional("quantity");
        var unit = line.Optional("unit");
        return (amount, unit) switch
        {
            (null, null) => null,
            (not null, not null) => Quantity(amount, unit),
            (not null, null) => throw new UsageException("--quantity needs --unit"),
            (null, not null) => throw new UsageException("--unit needs --quantity"),
        };
    }

    /// <summary>"temperature::-18:CEL": min or max may be empty for no bound.</summary>
    public static Limit Limit(string option, string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 4 || parts[0].Length == 0 || parts[3].Length == 0 || (parts[1].Length == 0 && parts[2].Length == 0))
        {
            throw new UsageException($"{option} '{text}' is not type:min:max:unit (min or max may be empty), e.g. temperature::-18:CEL");
        }

        var limit = new Limit { Type = parts[0], Unit = parts[3] };
        if (parts[1].Length > 0)
        {
            limit.Min = ValueSyntax.Number($"{option} min", parts[1]);
        }

        if (parts[2].Length > 0)
        {
            limit.Max = ValueSyntax.Number($"{option} max", parts[2]);
        }

        return limit;
    }

    /// <summary>"temperature=-20:CEL".</summary>
    public static Measurement Measurement(string option, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (equals < 1 || colon < equals + 2 || colon == text.Length - 1)
        {
            throw new UsageException($"{option} '{text}' is not type=value:unit, e.g. temperature=-20:CEL");
        }

        return new Measurement
        {
            Type = text[..equals],
            Value = ValueSyntax.Number(option, text[(equals + 1)..colon]),
            Unit = text[(colon + 1)..],
        };
    }

    public static IEnumerable<Measurement> Measurements(CommandLine line) =>
        line.All("measure").Select(text => Measurement("--measure", text));

    public static IEnumerable<Limit> Limits(CommandLine line) =>
        line.All("limit").Select(text => Limit("--limit", text));
}
