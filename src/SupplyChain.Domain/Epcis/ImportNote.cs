namespace SupplyChain.Domain.Epcis;

/// <summary>Something of an imported document that was read but not kept: an identifier we cannot map, a reading or an event we do not import.</summary>
public sealed record ImportNote(string Field, string Value, string Reason)
{
    public override string ToString() => $"{Field}: '{Value}' {Reason}";
}
