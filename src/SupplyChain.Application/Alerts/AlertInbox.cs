using SupplyChain.Abstractions.Alerts;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Application.Alerts;

/// <summary>A participant's stored alerts: those it has not read, and acknowledging them; each in the participant's own name.</summary>
public sealed class AlertInbox(IGrainFactory grains)
{
    /// <summary>Unread alerts listed when a request names no number.</summary>
    public const int DefaultPage = 100;

    /// <summary>The oldest unread alerts, at most <paramref name="max"/> (0: <see cref="DefaultPage"/>), and whether more wait.</summary>
    public async Task<(IReadOnlyList<AlertEntry> Alerts, bool More)> UnreadAsync(Caller caller, Gln participant, int max)
    {
        Rulebook.Acting(caller, Act.ReadAlerts, "participant_gln", participant.Value);
        var page = max == 0 ? DefaultPage : max;
        if (page < 1 || page > Bounds.AlertsPage)
        {
            throw DomainException.Invalid("max", $"{max} is outside 1 to {Bounds.AlertsPage} (0: {DefaultPage})");
        }

        var unread = await (await HubAsync(participant)).UnreadAsync(page + 1);
        return (unread.Take(page).ToList(), unread.Count > page);
    }

    /// <summary>Marks alerts read; acknowledged through which id.</summary>
    public async Task<long> AcknowledgeAsync(Caller caller, Gln participant, AlertAcknowledgement acknowledgement)
    {
        Rulebook.Acting(caller, Act.AcknowledgeAlerts, "participant_gln", participant.Value);
        return await (await HubAsync(participant)).AcknowledgeAsync(acknowledgement);
    }

    private async Task<IAlertHubGrain> HubAsync(Gln participant) =>
        await grains.GetGrain<IParticipantGrain>(participant.Value).GetAsync() is null
            ? throw DomainException.NotFound($"participant {participant} is not registered")
            : grains.GetGrain<IAlertHubGrain>(AlertAudience.Participant(participant));
}
