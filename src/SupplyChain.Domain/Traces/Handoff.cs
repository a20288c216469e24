using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Traces;

/// <summary>One move of custody: a shipment and the receipt or rejection that settled it, if any yet.</summary>
public sealed record Handoff(CustodyStep Shipment, CustodyStep? Settlement)
{
    public Gln From => Shipment.Custodian;

    public Gln To => Shipment.Counterparty ?? throw new InvalidOperationException($"shipment {Shipment.Version} names no receiver");

    public Quantity Shipped => Shipment.Quantity ?? throw new InvalidOperationException($"shipment {Shipment.Version} has no quantity");

    public HandoffOutcome Outcome => Settlement?.Kind switch
    {
        null => HandoffOutcome.InTransit,
        CustodyStepKind.Received => HandoffOutcome.Received,
        _ => HandoffOutcome.Rejected,
    };

    /// <summary>Pairs each shipment with the receipt or rejection after it, in order.</summary>
    public static IReadOnlyList<Handoff> Of(IEnumerable<CustodyStep> custody)
    {
        var handoffs = new List<Handoff>();
        foreach (var step in custody)
        {
            if (step.Kind == CustodyStepKind.Shipped)
            {
                handoffs.Add(new Handoff(step, null));
            }
            else if (step.Kind is CustodyStepKind.Received or CustodyStepKind.Rejected && handoffs.Count > 0 && handoffs[^1].Settlement is null)
            {
                handoffs[^1] = handoffs[^1] with { Settlement = step };
            }
        }

        return handoffs;
    }
}
