namespace SupplyChain.Domain.Epcis.Query;

/// <summary>orderBy with orderDirection; the standard's default direction is descending.</summary>
public sealed record EventOrder(EventOrderField Field, bool Ascending);
