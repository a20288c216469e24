using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
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

    private static ImportedReceipt Receipt(int index, Gln? to, params ImportedLot[] lots) =>
        new(index, $"e{index}", null, At.AddMinutes(index), "receiving", null, null, lots, null, to, true, "");

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
        var consumeOnly = new ImportedTransformation(1, "e1", null, At, "", null, null, TransformationKind.Transform, [Lot("A", 10)], []);
        var fromNothing = new ImportedTransformation(1, "e1", null, At, "", null, null, TransformationKind.Transform, [], [Lot("B", 10)]);
        var unreadInput = new ImportedTransformation(1, "e1", null, At, "", null, null, TransformationKind.Transform, [Lot("A", null) with { AmountNotKept = true }], [Lot("B", 10)]);
        var uncounted = new ImportedTransformation(1, "e1", null, At, "", null, null, TransformationKind.Transform, [Lot("A", 10)], [Lot("B", null)]);

        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), consumeOnly), Sample.Producer), "eventList[1]: outputEPCList:", "makes new lots");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), fromNothing), Sample.Producer), "eventList[1]: inputEPCList:");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), unreadInput), Sample.Producer), "eventList[1]: inputQuantityList:", "was not kept");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", 10)), uncounted), Sample.Producer), "eventList[1]: quantityList:", "a transformation's output");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Creation(0, Lot("A", null))), Sample.Producer), "eventList[0]: quantityList:");
        Refusals.Expect(Refusal.InvalidArgument, () => ImportPlan.Commands(Capture(Shipment(3, null, Lot("A", null))), Sample.Producer), "eventList[3]: destinationList:");
    }

    [Fact]
    public void A_shipment_without_a_destination_goes_to_the_party_of_the_receipt_that_follows_else_to_the_importers_receiver()
    {
        var steps = ImportPlan.Commands(
            Capture(
                Shipment(0, null, Lot("A", null), Lot("B", null), Lot("C", null)),
                Receipt(1, Sample.Retailer, Lot("A", null)),
                Receipt(2, null, Lot("B", null)),
                Shipment(3, null, Lot("C", null)),
                Receipt(4, Sample.Shop, Lot("C", null))),
            Sample.Producer,
            Sample.Distributor);

        Assert.Equal(
            [("A", Sample.Retailer), ("B", Sample.Distributor), ("C", Sample.Distributor), ("A", Sample.Retailer), ("B", Sample.Distributor), ("C", Sample.Shop), ("C", Sample.Shop)],
            steps.Select(s => (s.Target.Lot, s.Command switch { ShipBatch c => c.Receiver, ReceiveBatch r => r.Actor, _ => default })));
    }

    [Fact]
    public void A_receipt_that_names_no_party_is_by_the_receiver_of_the_shipment_before_it_else_the_importer()
    {
        var steps = ImportPlan.Commands(
            Capture(Shipment(0, Sample.Retailer, Lot("A", null)), Receipt(1, null, Lot("A", null), Lot("B", null))),
            Sample.Producer);

        Assert.Equal([Sample.Retailer, Sample.Producer], steps.Skip(1).Select(s => Assert.IsType<ReceiveBatch>(s.Command).Actor));
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => ImportPlan.Commands(Capture(Creation(0, Lot("A", 1)), Shipment(1, null, Lot("A", null)), Receipt(2, null, Lot("A", null))), Sample.Producer),
            "eventList[1]: destinationList:", "receiver_gln");
    }

    [Fact]
    public void A_transformation_becomes_one_step_on_its_first_output_that_the_rehearsal_applies_to_every_batch()
    {
        var honey = new BatchRef(Sample.Honey, "H");
        var transform = new ImportedTransformation(
            1, "e1", null, At.AddMinutes(1), "commissioning", Sample.Warehouse, null, TransformationKind.Transform,
            [Lot("A", 4), Lot("B", null)], [new ImportedLot(honey, new Quantity(12m, "H87"), "h"), Lot("T", 1)]);
        var steps = ImportPlan.Commands(Capture(Creation(0, Lot("A", 10), Lot("B", 5)), transform, Shipment(2, Sample.Distributor, Lot("T", null))), Sample.Producer);

        var step = steps[2];
        Assert.Equal((ImportKind.Transformed, honey, "e1"), (step.Kind, step.Target, step.EventId));
        Assert.Equal([Sample.Lot("A"), Sample.Lot("B"), honey, Sample.Lot("T")], step.Batches);
        Assert.Equal([Sample.Producer], step.Parties);
        var command = Assert.IsType<TransformBatches>(step.Command);
        Assert.Equal([new TransformInput(Sample.Lot("A"), Sample.Kg(4)), new TransformInput(Sample.Lot("B"), null)], command.Inputs);
        var products = new Dictionary<Gtin, Product>
        {
            [Sample.Tea] = Sample.TeaProduct(),
            [Sample.Honey] = Product.Create(Sample.Honey, Sample.Producer, "Honey", "honey", "H87", new OcopRating(0, "", null, 0), []),
        };
        ImportPlan.Rehearse(steps, World() with { Products = products }, Sample.Now);
        Refusals.Expect(Refusal.FailedPrecondition, () => ImportPlan.Rehearse(steps, World(), Sample.Now), "eventList[1]: outputs[0]: product", "is not registered");

        var tooMuch = ImportPlan.Commands(Capture(Creation(0, Lot("A", 3), Lot("B", 5)), transform), Sample.Producer);
        Refusals.Expect(Refusal.FailedPrecondition, () => ImportPlan.Rehearse(tooMuch, World() with { Products = products }, Sample.Now), "eventList[1]: inputs[0]: uses 4 KGM", "conserved");
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

    [Fact]
    public void A_declaration_declares_what_the_declared_fact_made_on_each_batch_and_the_rehearsal_checks_the_declarer()
    {
        var a = BatchLog.Produced("A");
        var b = BatchLog.Produced("B");
        var declared = new ImportedCreation(1, "create-A", null, At, "commissioning", Sample.Farm, null, [Lot("A", 100)]);
        var declaration = new ImportedDeclaration(1, "create-A", null, At, [declared], Sample.Now, "incorrect_data", ["urn:uuid:fix"]);

        var steps = ImportPlan.Commands(Capture(declaration), Sample.Producer);

        var step = Assert.Single(steps);
        Assert.Equal((1, ImportKind.Declared, Sample.Lot("A"), "create-A~declared0", Sample.Producer), (step.Index, step.Kind, step.Target, step.EventId, step.Actor));
        var command = Assert.IsType<DeclareError>(step.Command);
        Assert.Equal(("create-A", Sample.Now, "incorrect_data", "urn:uuid:fix"), (command.DeclaredEventId, command.DeclaredAt, command.Reason, command.CorrectiveEventIds.Single()));

        var events = a.Events.Concat(b.Events).ToDictionary(e => (new BatchRef(Sample.Tea, e.Event.EventId[7..]), e.Event.EventId));
        var world = World(null, a.State!, b.State!) with { Events = events };
        ImportPlan.Rehearse(steps, world, Sample.Now);
        Refusals.Expect(Refusal.PermissionDenied, () => ImportPlan.Rehearse(ImportPlan.Commands(Capture(declaration), Sample.Distributor), world, Sample.Now),
            "eventList[1]: event 'create-A' of batch", $"was recorded by {Sample.Producer}");
        var elsewhere = declaration with { Declared = [declared with { Lots = [Lot("B", 100)] }] };
        Refusals.Expect(Refusal.NotFound, () => ImportPlan.Rehearse(ImportPlan.Commands(Capture(elsewhere), Sample.Producer), world, Sample.Now),
            "eventList[1]: declared_event_id:", "holds no event 'create-A'");
    }
}
