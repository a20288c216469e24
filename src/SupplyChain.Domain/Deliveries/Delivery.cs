namespace SupplyChain.Domain.Deliveries;

/// <summary>
/// Something to POST to a destination at least once: an alert for a webhook, an EPCIS query document for a
/// subscription. <see cref="DeliveryId"/> is the same however often it is handed over, so it is kept and sent once per attempt.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Delivery")]
public sealed record Delivery(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string ContentType,
    [property: Id(2)] string Payload);
