using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>An immutable fact about a batch: who did what, where and when.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchEvent")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(BatchCreated), "created")]
[JsonDerivedType(typeof(CheckpointRecorded), "checkpoint_recorded")]
[JsonDerivedType(typeof(BatchShipped), "shipped")]
[JsonDerivedType(typeof(BatchReceived), "received")]
[JsonDerivedType(typeof(ShipmentRejected), "shipment_rejected")]
[JsonDerivedType(typeof(BatchSplit), "split")]
[JsonDerivedType(typeof(BatchMerged), "merged")]
[JsonDerivedType(typeof(MergeReverted), "merge_reverted")]
[JsonDerivedType(typeof(BatchRecalled), "recalled")]
[JsonDerivedType(typeof(BatchHeld), "held")]
[JsonDerivedType(typeof(HoldLifted), "hold_lifted")]
[JsonDerivedType(typeof(BatchTransformed), "transformed")]
[JsonDerivedType(typeof(TransformReverted), "transform_reverted")]
[JsonDerivedType(typeof(ErrorDeclared), "error_declared")]
public abstract record BatchEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] Gln Actor,
    [property: Id(2)] Gln Location,
    [property: Id(3)] DateTimeOffset EventTime)
{
    /// <summary>The CBV 2.0 business step.</summary>
    [JsonIgnore]
    public abstract string BizStep { get; }
}
