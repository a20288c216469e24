namespace SupplyChain.Domain.Identifiers;

/// <summary>A batch (lot) named by its GS1 keys: GTIN and lot number.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchRef")]
public sealed record BatchRef([property: Id(0)] Gtin Gtin, [property: Id(1)] string Lot)
{
    /// <summary>The grain key: the 14 GTIN digits, a slash, the lot.</summary>
    public string Key => $"{Gtin.Value}/{Lot}";

    /// <summary>GS1 Digital Link path of the batch.</summary>
    public string DigitalLink => $"01/{Gtin.Value}/10/{Uri.EscapeDataString(Lot)}";

    public static BatchRef Parse(string? gtin, string? lot, string prefix = "") =>
        new(Gtin.Parse(gtin, prefix + "gtin"), LotNumber.Parse(lot, prefix + "lot"));

    public static BatchRef FromKey(string key) => new(new Gtin(key[..14]), key[15..]);

    public override string ToString() => Key;
}
