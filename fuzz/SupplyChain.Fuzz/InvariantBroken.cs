namespace SupplyChain.Fuzz;

/// <summary>A rule the service promises was found broken: quantities, custody, the hash chain or a refusal's effect.</summary>
public sealed class InvariantBroken(string message) : Exception(message);
