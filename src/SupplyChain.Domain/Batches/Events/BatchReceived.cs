using System.Text.Json.Serialization;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Events;

/// <summary>The receiver took custody; any shortfall is recorded as loss.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchReceived")]
public sealed record BatchReceived(
    string EventId,
    Gln Actor,
    Gln Location,
    DateTimeOffset EventTime,
    [property: Id(0)] Gln Shipper,
    [property: Id(1)] Quantity Shipped,
    [property: Id(2)] Quantity Received,
    [property: Id(3)] Quantity Loss,
    [property: Id(4)] string Condition,
    [property: Id(5)] IReadOnlyList<MeasurementResult> Results,
    [property: Id(6)] Verdict Verdict,
    [property: Id(7)] IReadOnlyList<string> MissingReadings)
    : BatchEvent(EventId, Actor, Location, EventTime)
{
    [JsonIgnore]
    public override string BizStep => "receiving";
}
