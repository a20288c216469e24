using Google.Protobuf.WellKnownTypes;
using SupplyChain.V1;

namespace SupplyChain.Cli.Demo;

/// <summary>
/// Writes the requests of the demo batch stories in order, numbering event ids demo-1, demo-2, ...
/// and following custody so that each request names the right actor.
/// </summary>
internal sealed class StoryWriter
{
    private static readonly TimeSpan VietnamTime = TimeSpan.FromHours(7);

    private readonly List<DemoStep> _steps = [];
    private string _story = "";

    public IReadOnlyList<DemoStep> Steps => _steps;

    /// <summary>A fixed time of 2026 in Vietnam (UTC+7): never the clock, so a reload sends identical content.</summary>
    public static Timestamp At(int month, int day, int hour, int minute = 0) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, month, day, hour, minute, 0, VietnamTime));

    public static Measurement M(string type, double value, string unit) => new() { Type = type, Value = value, Unit = unit };

    public void Story(string title) => _story = title;

    public DemoLot Create(DemoProducer producer, ProductLine line, string lot, double quantity, Timestamp at, string chainId = "")
    {
        var gtin = DemoProducts.GtinOf(producer, line);
        var batch = new DemoLot(gtin, lot, line.Unit, quantity, producer.Gln);
        Add(batch.Ref, Verdict.Unspecified, id => new CreateBatchRequest
        {
            EventId = id,
            Gtin = gtin,
            Lot = lot,
            Quantity = new Quantity { Value = quantity, Unit = line.Unit },
            ProducerGln = producer.Gln,
            LocationGln = producer.Gln,
            ProducedAt = at,
            ChainId = chainId,
        });
        return batch;
    }

    /// <summary>A production step recorded by the custodian.</summary>
    public void Production(DemoLot batch, string step, Timestamp at, params Measurement[] readings) =>
        Checkpoint(batch, CheckpointKind.Production, step, batch.Custodian, at, null, Verdict.Pass, readings);

    /// <summary>An environmental reading (brine, pond water) recorded by the custodian.</summary>
    public void Environment(DemoLot batch, Timestamp at, params Measurement[] readings) =>
        Checkpoint(batch, CheckpointKind.Environmental, "sensor_reporting", batch.Custodian, at, null, Verdict.Pass, readings);

    /// <summary>A food-safety inspection by a lab or an auditor, backed by its report.</summary>
    public void Inspect(DemoLot batch, string inspector, string report, Timestamp at, Verdict expected, params Measurement[] readings) =>
        Checkpoint(batch, CheckpointKind.FoodSafety, "inspecting", inspector, at, new Certificate { IssuerGln = inspector, Reference = report }, expected, readings);

    public void Ship(DemoLot batch, string receiver, Timestamp at)
    {
        if (batch.PendingReceiver is not null)
        {
            throw new InvalidOperationException($"demo data: {batch.Lot} is already in transit");
        }

        Add(batch.Ref, Verdict.Unspecified, id => new ShipBatchRequest
        {
            EventId = id,
            Gtin = batch.Gtin,
            Lot = batch.Lot,
            ActorGln = batch.Custodian,
            ReceiverGln = receiver,
            LocationGln = batch.Custodian,
            ShippedAt = at,
        });
        batch.PendingReceiver = receiver;
    }

    /// <summary>The named receiver accepts the shipment, with what arrived (all of it unless said) and readings taken at the handoff.</summary>
    public void Receive(DemoLot batch, Timestamp at, string condition, double? received = null, Measurement[]? readings = null, Verdict expected = Verdict.Pass)
    {
        var receiver = batch.PendingReceiver ?? throw new InvalidOperationException($"demo data: {batch.Lot} is not in transit");
        var amount = received ?? batch.Quantity;
        var request = new ReceiveBatchRequest
        {
            Gtin = batch.Gtin,
            Lot = batch.Lot,
            ActorGln = receiver,
            Decision = ReceiveDecision.Accept,
            QuantityReceived = new Quantity { Value = amount, Unit = batch.Unit },
            Condition = condition,
            LocationGln = receiver,
            ReceivedAt = at,
        };
        request.Measurements.AddRange(readings ?? []);
        Add(batch.Ref, expected, id =>
        {
            request.EventId = id;
            return request;
        });
        batch.Custodian = receiver;
        batch.PendingReceiver = null;
        batch.Quantity = amount;
    }

    /// <summary>The custodian carves new lots out of the batch; what is left stays in it.</summary>
    public IReadOnlyList<DemoLot> Split(DemoLot batch, Timestamp at, params (string Lot, double Quantity)[] parts)
    {
        var request = new SplitBatchRequest
        {
            Gtin = batch.Gtin,
            Lot = batch.Lot,
            ActorGln = batch.Custodian,
            LocationGln = batch.Custodian,
            SplitAt = at,
        };
        request.Parts.AddRange(parts.Select(p => new SplitPart { Lot = p.Lot, Quantity = new Quantity { Value = p.Quantity, Unit = batch.Unit } }));
        Add(batch.Ref, Verdict.Unspecified, id =>
        {
            request.EventId = id;
            return request;
        });
        batch.Quantity -= parts.Sum(p => p.Quantity);
        return parts.Select(p => new DemoLot(batch.Gtin, p.Lot, batch.Unit, p.Quantity, batch.Custodian)).ToList();
    }

    /// <summary>The custodian of every input merges them whole into a new lot of the first input's product.</summary>
    public DemoLot Merge(IReadOnlyList<DemoLot> inputs, string lot, Timestamp at)
    {
        var first = inputs[0];
        if (inputs.Any(i => i.Custodian != first.Custodian || i.Unit != first.Unit || i.PendingReceiver is not null))
        {
            throw new InvalidOperationException($"demo data: the inputs of {lot} cannot be merged");
        }

        var merged = new DemoLot(first.Gtin, lot, first.Unit, inputs.Sum(i => i.Quantity), first.Custodian);
        var request = new MergeBatchesRequest
        {
            OutputGtin = first.Gtin,
            OutputLot = lot,
            ActorGln = first.Custodian,
            LocationGln = first.Custodian,
            MergedAt = at,
        };
        request.Inputs.AddRange(inputs.Select(i => i.Ref));
        Add(merged.Ref, Verdict.Unspecified, id =>
        {
            request.EventId = id;
            return request;
        });
        foreach (var input in inputs)
        {
            input.Quantity = 0;
        }

        return merged;
    }

    private void Checkpoint(
        DemoLot batch, CheckpointKind kind, string step, string actor, Timestamp at, Certificate? certificate, Verdict expected, Measurement[] readings)
    {
        var request = new RecordCheckpointRequest
        {
            Gtin = batch.Gtin,
            Lot = batch.Lot,
            ActorGln = actor,
            Kind = kind,
            Step = step,
            LocationGln = actor,
            ObservedAt = at,
            Certificate = certificate,
        };
        request.Measurements.AddRange(readings);
        Add(batch.Ref, expected, id =>
        {
            request.EventId = id;
            return request;
        });
    }

    private void Add(BatchRef batch, Verdict expected, Func<string, Google.Protobuf.IMessage> request)
    {
        if (_story.Length == 0)
        {
            throw new InvalidOperationException("demo data: a step outside a story");
        }

        var id = $"demo-{_steps.Count + 1}";
        _steps.Add(new DemoStep(_story, id, batch, request(id), expected));
    }
}
