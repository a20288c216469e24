using SupplyChain.V1;

namespace SupplyChain.Cli.Arguments;

/// <summary>Batch references ("GTIN/LOT") and split parts ("LOT=QTY"); lots may hold '/' and '=', GTINs and amounts may not.</summary>
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
}
