namespace SupplyChain.Domain.Traces;

/// <summary>How a shipment ended, or that it has not yet.</summary>
public enum HandoffOutcome
{
    InTransit = 1,
    Received = 2,
    Rejected = 3,
}
