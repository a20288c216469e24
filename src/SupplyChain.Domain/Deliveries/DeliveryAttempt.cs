namespace SupplyChain.Domain.Deliveries;

/// <summary>
/// One try to deliver: when, the receiver's HTTP status (or the error when none came), and when the next try is due
/// (null once delivered). A 2xx status is a delivery; anything else is tried again.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.DeliveryAttempt")]
public sealed record DeliveryAttempt(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] int Attempt,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int? StatusCode,
    [property: Id(4)] string? Error,
    [property: Id(5)] DateTimeOffset? NextAttemptAt)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}
