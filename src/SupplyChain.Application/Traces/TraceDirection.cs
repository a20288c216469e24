namespace SupplyChain.Application.Traces;

/// <summary>Which way a trace goes from its batch: to its origins, or to everything made from it.</summary>
public enum TraceDirection
{
    Back = 1,
    Forward = 2,
}
