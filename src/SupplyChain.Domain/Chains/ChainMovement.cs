using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Chains;

/// <summary>What happened to a batch on a chain.</summary>
public enum MovementKind
{
    Joined = 1,
    Shipped = 2,
    Received = 3,
    Rejected = 4,
    Checked = 5,
    Consumed = 6,
    Restored = 7,
}

/// <summary>A batch event as the chain sees it: who holds the batch now and what was missed.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ChainMovement")]
public sealed record ChainMovement(
    [property: Id(0)] BatchRef Batch,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] MovementKind Kind,
    [property: Id(4)] Gln Custodian,
    [property: Id(5)] Gln? Receiver,
    [property: Id(6)] IReadOnlyList<string> Violations);
