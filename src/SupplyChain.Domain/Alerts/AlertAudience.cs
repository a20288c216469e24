using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Alerts;

/// <summary>Who listens for alerts: a participant (by GLN) or a distribution chain (by id); the key of its hub.</summary>
public static class AlertAudience
{
    public static string Participant(Gln gln) => "participant/" + gln.Value;

    public static string Chain(string chainId) => "chain/" + chainId;

    /// <summary>Whether a hub key is a participant's (which may have a webhook), not a chain's.</summary>
    public static bool IsParticipant(string audience) => audience.StartsWith("participant/", StringComparison.Ordinal);

    /// <summary>Every hub an alert goes to: its custodian's, the receiver's while in transit, its producer's and its chain's.</summary>
    public static IReadOnlyList<string> Of(Alert alert)
    {
        var parties = new[] { alert.Custodian, alert.PendingReceiver, alert.Producer }.OfType<Gln>().Distinct().Select(Participant);
        return (alert.ChainId is { } chain ? parties.Append(Chain(chain)) : parties).ToList();
    }
}
