using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Batches;

/// <summary>Writes to one batch, in the caller's name: each goes to the batch's grain, which replies once the event is stored.</summary>
public sealed class BatchCommands(IGrainFactory grains)
{
    public Task<BatchReply> CreateAsync(Caller caller, CreateBatch command)
    {
        Authorize(caller, Act.CreateBatch, "producer_gln", command.Producer);
        return Grain(command.Batch).CreateAsync(command);
    }

    public Task<BatchReply> RecordCheckpointAsync(Caller caller, RecordCheckpoint command)
    {
        Authorize(caller, Rulebook.Checkpoint(command.Kind), "actor_gln", command.Actor);
        return Grain(command.Batch).RecordCheckpointAsync(command);
    }

    public Task<BatchReply> ShipAsync(Caller caller, ShipBatch command)
    {
        Authorize(caller, Act.Ship, "actor_gln", command.Actor);
        return Grain(command.Batch).ShipAsync(command);
    }

    public Task<BatchReply> ReceiveAsync(Caller caller, ReceiveBatch command)
    {
        Authorize(caller, Act.Receive, "actor_gln", command.Actor);
        return Grain(command.Batch).ReceiveAsync(command);
    }

    public Task<BatchReply> SplitAsync(Caller caller, SplitBatch command)
    {
        Authorize(caller, Act.Split, "actor_gln", command.Actor);
        return Grain(command.Batch).SplitAsync(command);
    }

    /// <summary>Sent to the new batch, which draws every input into it.</summary>
    public Task<BatchReply> MergeAsync(Caller caller, MergeBatches command)
    {
        Authorize(caller, Act.Merge, "actor_gln", command.Actor);
        return Grain(command.Output).MergeAsync(command);
    }

    /// <summary>Sent to the first output, which has every input give its part and then makes the outputs.</summary>
    public Task<BatchReply> TransformAsync(Caller caller, TransformBatches command)
    {
        Authorize(caller, Act.Transform, "actor_gln", command.Actor);
        return Grain(command.Outputs[0].Batch).TransformAsync(command);
    }

    public Task<BatchReply> ChangeHoldAsync(Caller caller, ChangeHold command)
    {
        Authorize(caller, Act.Hold, "auditor_gln", command.Auditor);
        return Grain(command.Batch).ChangeHoldAsync(command);
    }

    // Doors check first and fill the acting party; this holds for any door that forgets.
    private static void Authorize(Caller caller, Act act, string field, Gln party) => Rulebook.Acting(caller, act, field, party.Value);

    private IBatchGrain Grain(BatchRef batch) => grains.GetGrain<IBatchGrain>(batch.Key);
}
