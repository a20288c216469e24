using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Traces;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Traces;

/// <summary>Recalls a batch and everything made from it, in the auditor's name.</summary>
public sealed class Recalls(IGrainFactory grains)
{
    public async Task<RecallOutcome> RecallAsync(Caller caller, RecallBatch command)
    {
        Rulebook.Acting(caller, Act.Recall, "auditor_gln", command.Auditor.Value);
        var root = await grains.GetGrain<IBatchGrain>(command.Batch.Key).RecallAsync(command);

        // The root's recall is stored: a retry with the same event id walks again and finishes what this call does not.
        // The walk goes on if the client leaves: a recall half done helps nobody.
        var genealogy = await Genealogy.RecallScopeAsync(command.Batch, level => TraceNodes.FetchAsync(grains, level, CancellationToken.None));
        var scope = genealogy.Members.Where(m => m.Depth > 0).ToList();
        var recalled = new DownstreamRecall[scope.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, scope.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Bounded.Concurrency },
            async (i, _) => recalled[i] = await RecallDownstreamAsync(command, scope[i]));
        return new RecallOutcome(root, recalled);
    }

    private async Task<DownstreamRecall> RecallDownstreamAsync(RecallBatch root, GenealogyMember member)
    {
        var grain = grains.GetGrain<IBatchGrain>(member.Node.State.Ref.Key);
        try
        {
            var reply = await grain.RecallAsync(BatchRules.RecallDownstream(root, member.Node.State.Ref));
            return new DownstreamRecall(member.Depth, reply, reply.Batch);
        }
        catch (DomainException refused) when (refused.Refusal == Refusal.FailedPrecondition)
        {
            // Recalled before by another recall: in scope, and its custodian was told then.
            return new DownstreamRecall(member.Depth, null, await grain.GetAsync() ?? member.Node.State);
        }
    }
}
