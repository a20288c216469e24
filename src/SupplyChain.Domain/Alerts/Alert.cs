using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Alerts;

/// <summary>
/// A warning about a batch for the parties concerned with it. <see cref="AlertId"/> is the same however often the
/// alert is raised (a retried write raises its alerts again), so a listener can drop repeats.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Alert")]
public sealed record Alert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] AlertKind Kind,
    [property: Id(2)] BatchRef Batch,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Gln Custodian,
    [property: Id(6)] Gln? PendingReceiver,
    [property: Id(7)] Gln Producer,
    [property: Id(8)] string? ChainId,
    [property: Id(9)] string Message);
