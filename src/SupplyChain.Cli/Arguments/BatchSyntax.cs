using System.Globalization;
using SupplyChain.V1;

namespace SupplyChain.Cli.Arguments;

/// <summary>
/// Batch references ("GTIN/LOT"), split parts ("LOT=QTY") and transformation sides ("GTIN/LOT=QTY:UNIT"); lots may hold '/'
/// and '=', GTINs and amounts may not.
/// </summary>
internal static class BatchSyntax
{
    public static BatchRef Reference(string option, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 1 || slash == text.Length - 1)
        {
            throw new UsageException($"{option} '{text}' is not GTIN/LOT");
        }

        return new BatchRef { Gtin = text[..slash], Lot = text[(slash + 1)..] };
    }

    public static SplitPart Part(string text, string unit)
    {
        var equals = text.LastIndexOf('=');
        if (equals < 1 || equals == text.Length - 1)
        {
            throw new UsageException($"--part '{text}' is not LOT=QTY");
        }

        return new SplitPart
        {
            Lot = text[..equals],
            Quantity = new Quantity { Value = ValueSyntax.Number("--part", text[(equals + 1)..]), Unit = unit },
        };
    }

    /// <summary>"GTIN/LOT" (all of it) or "GTIN/LOT=QTY:UNIT" (that amount); a lot that ends in "=NUMBER:UNIT" is read as an amount.</summary>
    public static TransformInput Input(string text)
    {
        var (batch, quantity) = Side("--input", text);
        return new TransformInput { Gtin = batch.Gtin, Lot = batch.Lot, Quantity = quantity };
    }

    /// <summary>"GTIN/LOT=QTY:UNIT": a new lot and the amount made.</summary>
    public static TransformOutput Output(string text)
    {
        var (batch, quantity) = Side("--output", text);
        return new TransformOutput
        {
            Gtin = batch.Gtin,
            Lot = batch.Lot,
            Quantity = quantity ?? throw new UsageException($"--output '{text}' is not GTIN/LOT=QTY:UNIT, e.g. 8930000000026/J1=40:H87"),
        };
    }

    private static (BatchRef Batch, Quantity? Quantity) Side(string option, string text)
    {
        var equals = text.LastIndexOf('=');
        if (equals > 0)
        {
            var amount = text[(equals + 1)..];
            var colon = amount.LastIndexOf(':');
            if (colon > 0 && colon < amount.Length - 1 && decimal.TryParse(amount[..colon], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return (Reference(option, text[..equals]), new Quantity { Value = ValueSyntax.Number(option, amount[..colon]), Unit = amount[(colon + 1)..] });
            }
        }

        return (Reference(option, text), null);
    }
}
