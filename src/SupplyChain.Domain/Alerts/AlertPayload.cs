using System.Text.Json;
using SupplyChain.Domain.Deliveries;

namespace SupplyChain.Domain.Alerts;

/// <summary>An alert as a webhook receives it: a JSON object, delivered under the alert's audience and identity.</summary>
public static class AlertPayload
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Delivery Of(string audience, AlertEntry entry)
    {
        var a = entry.Alert;
        var body = JsonSerializer.Serialize(new
        {
            id = entry.Id,
            audience,
            alertId = a.AlertId,
            kind = a.Kind.ToString(),
            gtin = a.Batch.Gtin.Value,
            lot = a.Batch.Lot,
            version = a.Version,
            at = a.At,
            custodianGln = a.Custodian.Value,
            pendingReceiverGln = a.PendingReceiver?.Value,
            producerGln = a.Producer.Value,
            chainId = a.ChainId,
            message = a.Message,
        }, Json);
        return new Delivery(DeliveryId(audience, a.AlertId), ContentType, body);
    }

    /// <summary>The delivery of an alert to an audience's webhook: the same however often the alert is raised.</summary>
    public static string DeliveryId(string audience, string alertId) => $"{audience}#{alertId}";
}
