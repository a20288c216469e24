using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

/// <summary>
/// A realistic trace through real batch logs (hashed and applied as the grain does): tea lot A is produced, checked
/// (drying, cold store with a chain limit, a lab test with a certificate), shipped, received short, split into A1 and A2
/// (A2 then fails a lead test); lot B is refused once, then received; A1 and B merge into M; C's merge into X was undone.
/// </summary>
internal sealed class SampleTrace
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 6, 0, 0, TimeSpan.FromHours(7));

    public static readonly IReadOnlyDictionary<Gtin, string> ProductNames = new Dictionary<Gtin, string>
    {
        [Sample.Tea] = "Shan tuyet tea, Ha Giang",
    };

    public BatchLog A { get; private init; } = null!;

    public BatchLog A1 { get; private init; } = null!;

    public BatchLog A2 { get; private init; } = null!;

    public BatchLog B { get; private init; } = null!;

    public BatchLog M { get; private init; } = null!;

    public BatchLog C { get; private init; } = null!;

    /// <summary>Every log of the trace, as an export takes them.</summary>
    public IReadOnlyList<(BatchRef Batch, IReadOnlyList<RecordedEvent> Events)> Logs =>
        new[] { A, A1, A2, B, M, C }.Select(log => (log.Batch, log.Events)).ToList();

    public static SampleTrace Build()
    {
        var A = Produced("A", 100m, Start);
        A.Append(new CheckpointRecorded(
            "dry-1", Sample.Producer, Sample.Farm, Start.AddMinutes(10), CheckpointKind.Production, "drying",
            [new MeasurementResult(new Measurement("moisture", 7.5m, "%"), Sample.Moisture, "product", true)], Verdict.Pass, null));
        A.Append(new CheckpointRecorded(
            "cold-1", Sample.Producer, Sample.Farm, Start.AddMinutes(20), CheckpointKind.Environmental, "storing",
            [
                new MeasurementResult(new Measurement("temperature", 4m, "CEL"), new Limit("temperature", 0m, 5m, "CEL"), "chain:cold-store", true),
                new MeasurementResult(new Measurement("humidity", 55m, "%"), null, "", true),
            ],
            Verdict.Pass, null));
        A.Append(new CheckpointRecorded(
            "lab-1", Sample.Lab, Sample.Farm, Start.AddMinutes(30), CheckpointKind.FoodSafety, "sampling",
            [new MeasurementResult(new Measurement("lead", 0.05m, "MG_KG"), new Limit("lead", null, 0.2m, "MG_KG"), "product", true)],
            Verdict.Pass, new Certificate(Sample.Lab, "LAB-2025-0042 \"Hà Nội\", lead")));
        A.Ship(Sample.Distributor, Start.AddMinutes(40));
        A.Append(new BatchReceived(
            "receive-A", Sample.Distributor, Sample.Warehouse, Start.AddHours(3), Sample.Producer, Sample.Kg(100m), Sample.Kg(99m), Sample.Kg(1m),
            "one sack torn,\nresealed",
            [new MeasurementResult(new Measurement("temperature", 6m, "CEL"), new Limit("temperature", 0m, 5m, "CEL"), "chain:cold-store", false)],
            Verdict.Fail, []));
        var split = new BatchSplit(
            "split-A", Sample.Distributor, Sample.Warehouse, Start.AddHours(4),
            [new BatchPart(Sample.Lot("A1"), Sample.Kg(30m)), new BatchPart(Sample.Lot("A2"), Sample.Kg(20m))], Sample.Kg(49m));
        var parent = A.Append(split);
        var A1 = Child(parent, split, 0);
        var A2 = Child(parent, split, 1);
        A2.Append(new CheckpointRecorded(
            "lab-2", Sample.Lab, Sample.Warehouse, Start.AddHours(5), CheckpointKind.FoodSafety, "sampling",
            [new MeasurementResult(new Measurement("lead", 0.5m, "MG_KG"), new Limit("lead", null, 0.2m, "MG_KG"), "product", false)],
            Verdict.Fail, new Certificate(Sample.Lab, "https://lab.example/reports/42")));

        var B = Produced("B", 40m, Start.AddMinutes(5));
        B.Ship(Sample.Retailer, Start.AddMinutes(50));
        B.Append(new ShipmentRejected("reject-B", Sample.Retailer, Sample.Shop, Start.AddHours(2), Sample.Producer, "seal broken"));
        B.Ship(Sample.Distributor, Start.AddHours(2).AddMinutes(30));
        B.Receive(location: Sample.Warehouse, at: Start.AddHours(3).AddMinutes(30));

        var output = Sample.Lot("M");
        var merge = new MergeBatches("merge-M", [A1.Batch, B.Batch], output, Sample.Distributor, Sample.Warehouse, Start.AddHours(6));
        var joined = new List<BatchMerged>();
        for (var i = 0; i < merge.Inputs.Count; i++)
        {
            var input = i == 0 ? A1 : B;
            var join = new JoinMerge(EventId.Derived(merge.EventId, "merge", i), input.Batch, output, Sample.Distributor, Sample.Warehouse, merge.MergedAt, "KGM");
            var moved = BatchRules.JoinMerge(input.State, join, Start.AddHours(7));
            input.Append(moved);
            joined.Add(moved);
        }

        var M = new BatchLog(output);
        M.Append(BatchRules.MergeOutput(merge, joined, [null, null], Sample.TeaProduct(), Start.AddHours(7)));

        var C = Produced("C", 10m, Start.AddMinutes(15));
        var into = Sample.Lot("X");
        var move = BatchRules.JoinMerge(C.State, new JoinMerge("merge-X~merge0", C.Batch, into, Sample.Producer, Sample.Farm, Start.AddHours(1), "KGM"), Start.AddHours(7));
        C.Append(move);
        C.Append(BatchRules.RevertMerge(C.State, new RevertMerge("merge-X~unmerge0", C.Batch, into, move.Quantity, Sample.Producer, Sample.Farm, "input D is on hold"), Start.AddHours(1).AddMinutes(1)));

        return new SampleTrace { A = A, A1 = A1, A2 = A2, B = B, M = M, C = C };
    }

    public static BatchLog Produced(string lot, decimal kilograms, DateTimeOffset at)
    {
        var log = new BatchLog(Sample.Lot(lot));
        log.Append(new BatchCreated($"create-{lot}", Sample.Producer, Sample.Farm, at, Sample.Tea, lot, Sample.Kg(kilograms), Sample.Producer, "tea-north", Origin.Produced, []));
        return log;
    }

    private static BatchLog Child(BatchState parent, BatchSplit split, int index)
    {
        var part = split.Children[index];
        var log = new BatchLog(part.Batch);
        log.Append(BatchRules.SplitChild(parent, split, part, EventId.Derived(split.EventId, "split", index)));
        return log;
    }
}
