namespace SupplyChain.Domain.Measures;

/// <summary>A reading taken at a checkpoint: what, how much, in which unit.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Measurement")]
public sealed record Measurement([property: Id(0)] string Type, [property: Id(1)] decimal Value, [property: Id(2)] string Unit)
{
    public static Measurement Parse(string? type, double value, string? unit, string field)
    {
        var name = MeasureText.Parse(type, Bounds.MeasurementTypeLength, field + ".type").ToLowerInvariant();
        var code = MeasureText.Parse(unit, Bounds.MeasurementUnitLength, field + ".unit").ToUpperInvariant();
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 1e12)
        {
            throw DomainException.Invalid(field + ".value", $"{value} is not a finite reading");
        }

        return new Measurement(name, Quantity.Normalise((decimal)value), code);
    }

    public override string ToString() => $"{Type} {Value} {Unit}";
}
