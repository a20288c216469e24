using System.Security.Cryptography;
using SupplyChain.Abstractions.Deliveries;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Deliveries;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Application.Alerts;

/// <summary>A participant's webhook: registering it in its own name, and reading it with its delivery log.</summary>
public sealed class Webhooks(IGrainFactory grains)
{
    /// <summary>Attempts listed when a request names no number.</summary>
    public const int DefaultPage = 100;

    /// <summary>Sets the webhook; the secret made for it when the caller named none (null otherwise).</summary>
    public async Task<(DeliveryEndpoint Endpoint, string? MadeSecret)> RegisterAsync(Caller caller, Gln participant, string url, string secret)
    {
        Rulebook.Acting(caller, Act.RegisterWebhook, "participant_gln", participant.Value);
        var made = secret.Length == 0 ? Base64Url(RandomNumberGenerator.GetBytes(32)) : null;
        var endpoint = DeliveryEndpoint.Parse(url, made ?? secret);
        await (await DestinationAsync(participant)).ConfigureAsync(endpoint);
        return (endpoint, made);
    }

    /// <summary>The webhook (null when none), its latest attempts (newest first) and how many deliveries wait.</summary>
    public async Task<(DeliveryEndpoint? Endpoint, IReadOnlyList<DeliveryAttempt> Attempts, int Pending)> DeliveriesAsync(Caller caller, Gln participant, int max)
    {
        Rulebook.Acting(caller, Act.ReadDeliveries, "participant_gln", participant.Value);
        var page = max == 0 ? DefaultPage : max;
        if (page < 1 || page > Bounds.AlertsPage)
        {
            throw DomainException.Invalid("max", $"{max} is outside 1 to {Bounds.AlertsPage} (0: {DefaultPage})");
        }

        var destination = await DestinationAsync(participant);
        return (await destination.EndpointAsync(), await destination.AttemptsAsync(page), await destination.PendingAsync());
    }

    private async Task<IDeliveryGrain> DestinationAsync(Gln participant) =>
        await grains.GetGrain<IParticipantGrain>(participant.Value).GetAsync() is null
            ? throw DomainException.NotFound($"participant {participant} is not registered")
            : grains.GetGrain<IDeliveryGrain>(AlertAudience.Participant(participant));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
