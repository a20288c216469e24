using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Domain.Links;

/// <summary>A business as a consumer may see it: its GLN, registered name and place, nothing more.</summary>
public sealed record StoryParty(Gln Gln, string Name, string Commune, string District, string Province, ProducerKind Kind)
{
    /// <summary>The public face of a registered participant; an unregistered GLN shows as itself.</summary>
    public static StoryParty Of(Gln gln, Participant? participant) =>
        participant is null
            ? new StoryParty(gln, gln.Value, "", "", "", ProducerKind.None)
            : new StoryParty(gln, participant.Name, participant.Commune, participant.District, participant.Province, participant.Kind);

    /// <summary>Commune, district, province: the parts that are known, comma-separated.</summary>
    public string Place => string.Join(", ", new[] { Commune, District, Province }.Where(part => part.Length > 0));
}
