using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

public sealed class ImportPlanTests
{
    private static readonly DateTimeOffset At = Sample.Now.AddHours(-2);

    private static ImportedLot Lot(string lot, decimal? kg) => new(Sample.Lot(lot), kg is { } k ? Sample.Kg(k) : null, lot);

    private static ImportWorld World(IReadOnlySet<(BatchRef, string)>? stored = null, params BatchState[] batches) => new(
        batches.ToDictionary(b => b.Ref),
        new Dictionary<Gtin, Product> { [Sample.Tea] = Sample.TeaProduct() },
        new[] { Sample.Producer, Sample.Distributor }.ToDictionary(g => g, g => Sample.Party(g, Role.Producer)),
        new Dictionary<string, ChainDefinition>(),
        stored ?? new HashSet<(BatchRef, string)>());

    private static EpcisCapture Capture(params ImportedEvent[] events) => new(events.Length, events, new List<ImportNote>());

    private static ImportedCreation Creation(int index, params ImportedLot[] lots) => new(index, $"e{index}", null, At, "commissioning", Sample.Farm, null, lots);

    private static ImportedShipment Shipment(int index, Gln? to, params ImportedLot[] lots) =>
        new(index, $"e{index}", null, At.AddMinutes(index), "shipping", null, null, lots, null, to);

    [Fact]
    public void Facts_become_one_command_per_lot_with_the_facts_event_ids_and_the_importer_as_actor()
    {
        var steps = ImportPlan.Commands(Capture(Creation(0, Lot("A", 10), Lot("B", 5)), Shipment(1, Sample.Distributor, Lot("A", null))), Sample.Producer);

        Assert.Equal([(0, ImportKind.Created, "A", "e0"), (0, ImportKind.Created, "B", "e0"), (1, ImportKind.Shipped, "A", "e1")], steps.Select(s => (s.Index, s.Kind, s.Target.Lot, s.EventId)).ToList());
        var create = Assert.IsType<CreateBatch>(steps[0].Command);
        Assert.Equal((Sample.Producer, Sample.Farm, At, Sample.Kg(10)), (create.Producer, create.Location, create.ProducedAt, create.Quantity));
        var ship = Assert.IsType<ShipBatch>(steps[2].Command);
        Assert.Equal((Sample.Producer, Sample.Distributor), (ship.Actor, ship.Receiver));
        Assert.Null(ship.Quantity);
    }

    [Fact]
    public void Facts_no_command_carries_are_refused_with_their_index()
    {
        var transform = new ImportedTransformation(1, "e1", null, At, "", null, null, TransformationKind.Transform, [Lot("A", 10)], [Lot("B", 10)]);

        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), transform), Sample.Producer), "eventList[1]: type:");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", null))), Sample.Producer), "eventList[0]: quantityList:");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Shipment(3, null, Lot("A", null))), Sample.Producer), "eventList[3]: destinationList:");
    }

    [Fact]
    public void The_rehearsal_runs_the_batch_rules_in_order_on_what_it_has_applied_so_far()
    {
        var steps = ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), Shipment(1, Sample.Distributor, Lot("A", null)), Shipment(2, Sample.Distributor, Lot("A", null))), Sample.Producer);

        Refusals.Expect(Refusal.FailedPrecondition, () => ImportPlan.Rehearse(steps, World(), Sample.Now), "eventList[2]: batch", "in transit");
        ImportPlan.Rehearse(steps.Take(2).ToList(), World(), Sample.Now);
        Refusals.Expect(Refusal.FailedPrecondition, () => ImportPlan.Rehearse(steps, World() with { Participants = new Dictionary<Gln, Participant>() }, Sample.Now), "eventList[0]: producer_gln");
    }

    [Fact]
    public void Steps_stored_by_an_earlier_import_are_skipped_as_replays()
    {
        var steps = ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), Shipment(1, Sample.Distributor, Lot("A", null))), Sample.Producer);
        var log = BatchLog.Produced("A", 10m, chainId: null);
        log.Ship(Sample.Distributor);

        ImportPlan.Rehearse(steps, World(new HashSet<(BatchRef, string)> { (Sample.Lot("A"), "e0"), (Sample.Lot("A"), "e1") }, log.State!), Sample.Now);
        Refusals.Expect(Refusal.AlreadyExists, () => ImportPlan.Rehearse(steps, World(null, log.State!), Sample.Now), "eventList[0]:");
    }
}
