using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>A checkpoint was recorded and judged against the limits that apply.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.CheckpointRecorded")]
public sealed record CheckpointRecorded(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] CheckpointKind Kind,
    [property: Id(1)] string Step,
    [property: Id(2)] IReadOnlyList<MeasurementResult> Results,
    [property: Id(3)] Verdict Verdict,
    [property: Id(4)] Certificate? Certificate)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    /// <summary>CBV 2.0 business steps a checkpoint's step may name; other steps (harvesting, drying) map by kind.</summary>
    public static readonly IReadOnlySet<string> CbvSteps = new HashSet<string>
    {
        "packing", "repackaging", "inspecting", "sensor_reporting", "storing", "sampling", "holding",
        "cycle_counting", "loading", "unloading", "picking", "staging_outbound", "transporting",
    };

    [JsonIgnore]
    public override string BizStep =>
        CbvSteps.Contains(Step) ? Step
        : Kind switch
        {
            CheckpointKind.FoodSafety => "inspecting",
            CheckpointKind.Environmental => "sensor_reporting",
            _ => "other",
        };
}
