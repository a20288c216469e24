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
    /// <summary>CBV 2.0 business steps a client may name as the step.</summary>
    public static readonly IReadOnlySet<string> CbvSteps = new HashSet<string>
    {
        "harvesting", "drying", "packing", "inspecting", "sensor_reporting", "storing", "sampling",
        "commissioning", "cycle_counting", "holding", "installing", "repairing", "encoding",
    };

    public override string BizStep =>
        CbvSteps.Contains(Step) ? Step
        : Kind switch
        {
            CheckpointKind.FoodSafety => "inspecting",
            CheckpointKind.Environmental => "sensor_reporting",
            _ => "inspecting",
        };
}
