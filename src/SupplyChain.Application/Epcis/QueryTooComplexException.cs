namespace SupplyChain.Application.Epcis;

/// <summary>A query that names nothing an index serves: answering it would scan the repository.</summary>
public sealed class QueryTooComplexException(string message) : Exception(message);
