namespace SupplyChain.Domain.Measures;

/// <summary>The inclusive range a measurement of one type must fall in.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Limit")]
public sealed record Limit(
    [property: Id(0)] string Type,
    [property: Id(1)] decimal? Min,
    [property: Id(2)] decimal? Max,
    [property: Id(3)] string Unit)
{
    public static Limit Parse(string? type, double? min, double? max, string? unit, string field)
    {
        var name = MeasureText.Parse(type, Bounds.MeasurementTypeLength, field + ".type").ToLowerInvariant();
        var code = MeasureText.Parse(unit, Bounds.MeasurementUnitLength, field + ".unit").ToUpperInvariant();
        if (min is null && max is null)
        {
            throw DomainException.Invalid(field, $"limit on '{name}' needs a min, a max or both");
        }

        if (min is { } lo && !(Math.Abs(lo) <= 1e12) || max is { } hi && !(Math.Abs(hi) <= 1e12))
        {
            throw DomainException.Invalid(field, $"limit on '{name}' must be finite and within ±1e12");
        }

        if (min > max)
        {
            throw DomainException.Invalid(field, $"limit on '{name}' has min {min} above max {max}");
        }

        return new Limit(name, min is null ? null : Quantity.Normalise((decimal)min), max is null ? null : Quantity.Normalise((decimal)max), code);
    }

    public bool Admits(decimal value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <summary>Why a value breaks this limit, in words.</summary>
    public string Describe(decimal value) =>
        Min is { } lo && value < lo ? $"{Type} {value} {Unit} is below the minimum {lo} {Unit}"
        : Max is { } hi && value > hi ? $"{Type} {value} {Unit} is above the maximum {hi} {Unit}"
        : $"{Type} {value} {Unit} is within limits";

    public override string ToString() => $"{Type} [{Min?.ToString() ?? "-inf"}, {Max?.ToString() ?? "+inf"}] {Unit}";
}
