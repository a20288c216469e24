using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Tests.Fixture;

/// <summary>One event of every type, with every field set (lists, nullables, offsets other than UTC).</summary>
internal static class Events
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 6, 1, 9, 30, 15, TimeSpan.FromHours(7)).AddTicks(1234567);

    public static BatchCreated Created => new(
        "create-1", Sample.Producer, Sample.Farm, At, Sample.Tea, "L1", Sample.Kg(100.125m), Sample.Producer, "tea-north", Origin.Merged,
        [new BatchPart(Sample.Lot("A"), Sample.Kg(60m)), new BatchPart(Sample.Lot("B/ü?"), Sample.Kg(40.125m))]);

    public static CheckpointRecorded Checkpoint => new(
        "check-1", Sample.Lab, Sample.Warehouse, At, CheckpointKind.FoodSafety, "sampling",
        [
            new MeasurementResult(new Measurement("lead", 0.05m, "MG_KG"), new Limit("lead", null, 0.2m, "MG_KG"), "product", true),
            new MeasurementResult(new Measurement("temperature", -1.5m, "CEL"), new Limit("temperature", 0m, 5m, "CEL"), "chain:cold-store", false),
            new MeasurementResult(new Measurement("humidity", 55m, "%"), null, "", true),
        ],
        Verdict.Fail,
        new Certificate(Sample.Lab, "LAB-2025-0042 \"Hà Nội\""));

    public static CheckpointRecorded CheckpointWithoutCertificate => Checkpoint with { Certificate = new Certificate(null, "self") };

    public static BatchShipped Shipped => new("ship-1", Sample.Producer, Sample.Farm, At, Sample.Distributor, Sample.Kg(100.125m));

    public static BatchReceived Received => new(
        "receive-1", Sample.Distributor, Sample.Warehouse, At, Sample.Producer, Sample.Kg(100.125m), Sample.Kg(99m), Sample.Kg(1.125m), "one sack torn",
        [new MeasurementResult(new Measurement("temperature", 4m, "CEL"), new Limit("temperature", 0m, 5m, "CEL"), "chain:cold-store", true)],
        Verdict.Pass,
        ["no humidity reading at handoff into stage 'cold-store'"]);

    public static ShipmentRejected Rejected => new("reject-1", Sample.Distributor, Sample.Warehouse, At, Sample.Producer, "seal broken");

    public static BatchSplit Split => new(
        "split-1", Sample.Producer, Sample.Farm, At, [new BatchPart(Sample.Lot("C1"), Sample.Kg(30m)), new BatchPart(Sample.Lot("C2"), Sample.Kg(20m))], Sample.Kg(50.125m));

    public static BatchMerged Merged => new("merge-1~input0", Sample.Producer, Sample.Farm, At, Sample.Lot("M1"), Sample.Kg(100.125m));

    public static MergeReverted Reverted => new("merge-1~revert0", Sample.Producer, Sample.Farm, At, Sample.Lot("M1"), Sample.Kg(100.125m), "input B is on hold");

    public static BatchHeld Held => new("hold-1", Sample.Auditor, Sample.Warehouse, At, "lab report LR-7 pending: \"aflatoxin\" suspected");

    public static HoldLifted Lifted => new("release-1", Sample.Auditor, Sample.Warehouse, At, "LR-7 clear");
    public static BatchCreated TransformedFrom => new(
        "transform-1", Sample.Distributor, Sample.Warehouse, At, Sample.Honey, "H1", new Quantity(24m, "H87"), Sample.Distributor, null, Origin.Transformed,
        [new BatchPart(Sample.Lot("A"), Sample.Kg(12.5m)), new BatchPart(new BatchRef(Sample.Honey, "RAW"), new Quantity(3m, "H87"))]);

    public static BatchTransformed Transformed => new(
        "transform-1~transform0", Sample.Distributor, Sample.Warehouse, At, "transform-1", Sample.Kg(12.5m), Sample.Kg(87.625m),
        [new BatchPart(new BatchRef(Sample.Honey, "H1"), new Quantity(24m, "H87")), new BatchPart(new BatchRef(Sample.Honey, "H2"), new Quantity(6m, "H87"))]);

    public static TransformReverted TransformReverted => new(
        "transform-1~untransform0", Sample.Distributor, Sample.Warehouse, At, "transform-1",
        [new BatchPart(new BatchRef(Sample.Honey, "H1"), new Quantity(24m, "H87"))], Sample.Kg(12.5m), "input RAW is on hold");

    public static ErrorDeclared Declared => new(
        "ship-1~declared0", Sample.Auditor, Sample.Warehouse, At, "ship-1", 2, "urn:epcglobal:cbv:er:incorrect_data", ["urn:uuid:1f0e6a9e-0b9c-4d2a-9e61-5f3c2a7b8d10", "urn:uuid:2a"]);

    /// <summary>Every sample event by a name for test cases.</summary>
    public static IReadOnlyDictionary<string, BatchEvent> ByName => new Dictionary<string, BatchEvent>
    {
        [nameof(Created)] = Created,
        [nameof(Checkpoint)] = Checkpoint,
        [nameof(CheckpointWithoutCertificate)] = CheckpointWithoutCertificate,
        [nameof(Shipped)] = Shipped,
        [nameof(Received)] = Received,
        [nameof(Rejected)] = Rejected,
        [nameof(Split)] = Split,
        [nameof(Merged)] = Merged,
        [nameof(Reverted)] = Reverted,
        [nameof(Held)] = Held,
        [nameof(Lifted)] = Lifted,
        [nameof(TransformedFrom)] = TransformedFrom,
        [nameof(Transformed)] = Transformed,
        [nameof(TransformReverted)] = TransformReverted,
        [nameof(Declared)] = Declared,
    };

    public static IEnumerable<BatchEvent> All => ByName.Values;
}
