using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SupplyChain.Domain.Deliveries;

namespace SupplyChain.Grains.Deliveries;

/// <summary>POSTs a delivery, signed, to its endpoint: the receiver's HTTP status, or the error when no answer came.</summary>
public sealed class DeliverySender(TimeProvider clock, IOptions<DeliveryOptions> options) : IDisposable
{
    public const string DeliveryHeader = "X-SupplyChain-Delivery";

    public const string AttemptHeader = "X-SupplyChain-Attempt";

    private readonly HttpClient _http = new() { Timeout = options.Value.AttemptTimeout };

    public async Task<(int? StatusCode, string? Error)> PostAsync(DeliveryEndpoint endpoint, Delivery delivery, int attempt, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, delivery.ContentType) };
        var signature = DeliverySignature.Sign(endpoint.Secret, clock.GetUtcNow(), delivery.Payload);
        request.Headers.Add(DeliverySignature.Header, signature);
        // The EPCIS binding names its signature header GS1-Signature; the same value serves its subscribers.
        request.Headers.Add(DeliverySignature.EpcisHeader, signature);
        request.Headers.Add(DeliveryHeader, delivery.DeliveryId);
        request.Headers.Add(AttemptHeader, attempt.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await _http.SendAsync(request, ct);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException ex)
        {
            return (null, ex.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Value.AttemptTimeout.TotalSeconds:0.#} s");
        }
    }

    public void Dispose() => _http.Dispose();
}
