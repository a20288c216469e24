namespace SupplyChain.Domain.Measures;

/// <summary>An amount of a product in a UN/CEFACT unit, exact to six decimal places.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Quantity")]
public sealed record Quantity([property: Id(0)] decimal Value, [property: Id(1)] string Unit)
{
    /// <summary>UN/CEFACT Recommendation 20 codes accepted for batch quantities.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["KGM"] = "kilogram",
        ["GRM"] = "gram",
        ["TNE"] = "tonne",
        ["LTR"] = "litre",
        ["MLT"] = "millilitre",
        ["H87"] = "piece",
    };

    public static Quantity Zero(string unit) => new(0m, unit);

    /// <summary>Validates a positive amount in a known unit.</summary>
    public static Quantity Parse(double value, string? unit, string field = "quantity")
    {
        var code = (unit ?? "").Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            throw DomainException.Invalid(field + ".unit", "is required (KGM, GRM, TNE, LTR, MLT or H87)");
        }

        if (!Units.ContainsKey(code))
        {
            throw DomainException.Invalid(field + ".unit", $"'{unit}' is not a supported UN/CEFACT unit (KGM, GRM, TNE, LTR, MLT, H87)");
        }

        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0 || value > 1e12)
        {
            throw DomainException.Invalid(field + ".value", $"{value} must be a positive amount up to 1e12");
        }

        var amount = Normalise((decimal)value);
        if (amount == 0)
        {
            throw DomainException.Invalid(field + ".value", $"{value} rounds to zero at six decimal places");
        }

        if (code == "H87" && amount != decimal.Truncate(amount))
        {
            throw DomainException.Invalid(field + ".value", $"{value} pieces is not a whole number");
        }

        return new Quantity(amount, code);
    }

    /// <summary>Rounds to six places and drops trailing zeros, so equal amounts print and hash alike.</summary>
    public static decimal Normalise(decimal value) => decimal.Round(value, 6) / 1.000000000000000000000000000m;

    public Quantity Add(Quantity other)
    {
        RequireSameUnit(other);
        return this with { Value = Normalise(Value + other.Value) };
    }

    public Quantity Subtract(Quantity other)
    {
        RequireSameUnit(other);
        return this with { Value = Normalise(Value - other.Value) };
    }

    public bool SameUnit(Quantity other) => Unit == other.Unit;

    public override string ToString() => $"{Value} {Unit}";

    private void RequireSameUnit(Quantity other)
    {
        if (!SameUnit(other))
        {
            throw DomainException.Precondition($"units differ: {Unit} and {other.Unit}");
        }
    }
}
