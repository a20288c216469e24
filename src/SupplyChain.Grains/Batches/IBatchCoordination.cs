using SupplyChain.Abstractions.Batches;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;

namespace SupplyChain.Grains.Batches;

/// <summary>What batch grains ask of each other to carry out a split, a merge or a transformation; no door calls these.</summary>
[Alias("SupplyChain.IBatchCoordination")]
internal interface IBatchCoordination : IGrainWithStringKey
{
    /// <summary>Called by a parent on each new child of a split, and by a transformation's first output on the other outputs: the batch's first event.</summary>
    [Alias("CreateChild")]
    Task<BatchReply> CreateChildAsync(BatchCreated created);

    /// <summary>Called by a merged batch on each input: the input goes into it.</summary>
    [Alias("JoinMerge")]
    Task<BatchReply> JoinMergeAsync(JoinMerge command);

    /// <summary>Called by a merged batch on inputs that joined a merge that failed.</summary>
    [Alias("RevertMerge")]
    Task<BatchReply> RevertMergeAsync(RevertMerge command);

    /// <summary>Called by a transformation's first output on each input: the input gives its part.</summary>
    [Alias("UseInTransformation")]
    Task<BatchReply> UseInTransformationAsync(UseInTransformation command);

    /// <summary>Called by a transformation's first output on inputs that gave their part to a transformation that failed.</summary>
    [Alias("RevertTransformation")]
    Task<BatchReply> RevertTransformationAsync(RevertTransformation command);
}
