using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Abstractions.Chains;

namespace SupplyChain.Application.Access;

/// <summary>
/// Who may read what. Auditors and administrators read everything; a participant reads the batches it produced, held,
/// holds, shipped, received, checked or has on its way to it, and the traces from them; a chain's report and alerts
/// go to its stage members. Anything else is PERMISSION_DENIED: a lot code is printed on every package, so whether a
/// batch exists is not hidden (a missing batch is NOT_FOUND for everyone), but what happened to it is.
/// </summary>
public static class Readers
{
    public static async Task CheckBatchAsync(Caller caller, IGrainFactory grains, BatchRef batch)
    {
        if (Rulebook.ReadsAll(caller))
        {
            return;
        }

        var grain = grains.GetGrain<IBatchGrain>(batch.Key);
        var state = await grain.GetAsync() ?? throw DomainException.NotFound($"batch {batch} does not exist");
        // The state answers for its producer, holder and receiver; only others need the trail (which a long history rebuilds from storage).
        var isParty = caller.Gln is { } party && (state.Producer == party || state.Custodian == party || state.PendingReceiver == party
            || (await grain.GetTraceNodeAsync())?.Trail.Involves(party) == true);
        if (Rulebook.MayRead(caller, Act.ReadBatch, isParty))
        {
            return;
        }

        throw DomainException.Denied($"batch {batch} is not one {Who(caller)} produced, held, received or checked: only its parties and auditors read it");
    }

    public static async Task CheckChainAsync(Caller caller, IGrainFactory grains, string chainId)
    {
        if (Rulebook.ReadsAll(caller))
        {
            return;
        }

        var chain = await grains.GetGrain<IChainGrain>(chainId).GetAsync() ?? throw DomainException.NotFound($"chain '{chainId}' is not defined");
        var isMember = caller.Gln is { } party && chain.Chain.Stages.Any(stage => stage.Participants.Contains(party));
        if (!Rulebook.MayRead(caller, Act.ReadChain, isMember))
        {
            throw DomainException.Denied($"chain '{chainId}' does not count {Who(caller)} among its stages' participants: only they and auditors read its report and alerts");
        }
    }

    private static string Who(Caller caller) => caller.Name;
}
