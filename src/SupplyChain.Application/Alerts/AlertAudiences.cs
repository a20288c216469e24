using SupplyChain.Application.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Abstractions.Participants;

namespace SupplyChain.Application.Alerts;

/// <summary>Whose alerts a caller may watch: the hub key of a registered participant or a defined chain.</summary>
public sealed class AlertAudiences(IGrainFactory grains)
{
    public async Task<string> ParticipantAsync(Caller caller, Gln participant)
    {
        Rulebook.Acting(caller, Act.WatchAlerts, "participant_gln", participant.Value);
        return await grains.GetGrain<IParticipantGrain>(participant.Value).GetAsync() is null
            ? throw DomainException.NotFound($"participant {participant} is not registered")
            : AlertAudience.Participant(participant);
    }

    public async Task<string> ChainAsync(Caller caller, string chainId)
    {
        await Readers.CheckChainAsync(caller, grains, chainId);
        return await grains.GetGrain<IChainGrain>(chainId).GetAsync() is null
            ? throw DomainException.NotFound($"chain '{chainId}' is not defined")
            : AlertAudience.Chain(chainId);
    }
}
