using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

/// <summary>Each of the four GS1 example documents becomes batch commands that pass the rules on the batches it presupposes.</summary>
public sealed class Gs1ExamplePlanTests
{
    private static readonly Gln Importer = Sample.Producer;
    private static readonly Gln Receiver = Sample.Distributor;

    private static BatchRef Item(string gtinBody, string key) => new(Gtin.FromBody(gtinBody), key);

    private static Quantity Pieces(decimal count) => new(count, "H87");

    private static IReadOnlyList<ImportStep> Plan(string example, Gln? receiver = null) =>
        ImportPlan.Commands(EpcisImport.Parse(Gs1Files.Example(example)), Importer, receiver);

    /// <summary>A batch the importer produced and holds.</summary>
    private static BatchState Held(BatchRef batch, Quantity quantity, DateTimeOffset at)
    {
        var log = new BatchLog(batch);
        log.Append(new BatchCreated($"create-{batch.Lot}", Importer, Sample.Farm, at, batch.Gtin, batch.Lot, quantity, Importer, null, Origin.Produced, []));
        return log.State!;
    }

    private static Product Product(Gtin gtin, string unit) => Domain.Products.Product.Create(gtin, Importer, $"GS1 example {gtin}", "example", unit, new OcopRating(0, "", null, 0), []);

    private static ImportWorld World(IEnumerable<BatchState> batches, params Product[] products) => new(
        batches.ToDictionary(b => b.Ref),
        products.ToDictionary(p => p.Gtin),
        new[] { Importer, Receiver }.ToDictionary(g => g, g => Sample.Party(g, Role.Distributor)),
        new Dictionary<string, ChainDefinition>(),
        new HashSet<(BatchRef, string)>());

    [Fact]
    public void The_sensor_example_checks_a_held_lot_three_times()
    {
        var lot = Item("0401234511111", "9876");
        var steps = Plan("SensorDataExample1.jsonld");

        Assert.Equal([ImportKind.Checkpoint, ImportKind.Checkpoint, ImportKind.Checkpoint], steps.Select(s => s.Kind));
        Assert.All(steps, s => Assert.Equal(lot, s.Target));
        ImportPlan.Rehearse(steps, World([Held(lot, Pieces(1), new DateTimeOffset(2019, 4, 1, 0, 0, 0, TimeSpan.Zero))], Product(lot.Gtin, "H87")), Sample.Now);
    }

    [Fact]
    public void The_object_event_example_ships_both_items_to_the_importers_receiver_who_receives_one()
    {
        var (first, second) = (Item("1061414107346", "2017"), Item("1061414107346", "2018"));
        var steps = Plan("Example_9.6.1-ObjectEvent.jsonld", Receiver);

        Assert.Equal(
            [(ImportKind.Shipped, first), (ImportKind.Shipped, second), (ImportKind.Received, second)],
            steps.Select(s => (s.Kind, s.Target)));
        Assert.All(steps.Take(2), s => Assert.Equal((Importer, Receiver), (((ShipBatch)s.Command).Actor, ((ShipBatch)s.Command).Receiver)));
        var receipt = Assert.IsType<ReceiveBatch>(steps[2].Command);
        Assert.Equal((Receiver, true, Pieces(1)), (receipt.Actor, receipt.Accept, receipt.Received));
        var made = new DateTimeOffset(2005, 4, 1, 0, 0, 0, TimeSpan.Zero);
        ImportPlan.Rehearse(steps, World([Held(first, Pieces(1), made), Held(second, Pieces(1), made)]), Sample.Now);
    }

    [Fact]
    public void The_object_event_example_without_a_receiver_is_refused_at_its_shipment()
    {
        Refusals.Expect(
            Refusal.InvalidArgument, () => Plan("Example_9.6.1-ObjectEvent.jsonld"),
            "eventList[0]: destinationList:", $"lot {Item("1061414107346", "2017")}", "no receiver_gln was given");
    }

    [Theory]
    [InlineData("Example_9.6.4-TransformationEvent.jsonld")]
    [InlineData("Example_9.6.4-TransformationEventWithDigitalLink.jsonld")]
    public void The_transformation_examples_use_four_held_lots_to_make_four_new_items(string example)
    {
        var inputs = TransformationInputs();
        var outputs = Enumerable.Range(25, 4).Select(n => Item("0401234577889", $"{n}")).ToList();

        var step = Assert.Single(Plan(example));
        var command = Assert.IsType<TransformBatches>(step.Command);

        Assert.Equal((ImportKind.Transformed, outputs[0], step.EventId), (step.Kind, step.Target, command.EventId));
        Assert.Equal(inputs.Select(i => new TransformInput(i.Batch, i.Used)), command.Inputs);
        Assert.Equal(outputs.Select(o => new BatchPart(o, Pieces(1))), command.Outputs);
        Assert.Equal((Importer, Gln.FromBody("401234500001"), new DateTimeOffset(2013, 10, 31, 14, 58, 56, 591, TimeSpan.Zero)), (command.Actor, command.Location, command.TransformedAt));
        ImportPlan.Rehearse([step], World(inputs.Select(i => i.State), Product(outputs[0].Gtin, "H87")), Sample.Now);
    }

    [Fact]
    public void A_transformation_example_is_refused_when_an_input_holds_too_little_or_an_output_exists()
    {
        var steps = Plan("Example_9.6.4-TransformationEvent.jsonld");
        var inputs = TransformationInputs();
        var product = Product(Gtin.FromBody("0401234577889"), "H87");
        var short30 = inputs.Select((i, k) => k == 3 ? Held(i.Batch, Pieces(20), i.State.CreatedAt) : i.State).ToList();
        var taken = inputs.Select(i => i.State).Append(Held(Item("0401234577889", "27"), Pieces(1), Sample.Now.AddYears(-1))).ToList();

        Refusals.Expect(
            Refusal.FailedPrecondition, () => ImportPlan.Rehearse(steps, World(short30, product), Sample.Now),
            $"eventList[0]: inputs[3]: uses 30 H87 of batch {inputs[3].Batch}, more than the 20 H87 it holds");
        Refusals.Expect(
            Refusal.AlreadyExists, () => ImportPlan.Rehearse(steps, World(taken, product), Sample.Now),
            $"eventList[0]: outputs[2]: batch {Item("0401234577889", "27")} already exists");
        Refusals.Expect(
            Refusal.FailedPrecondition, () => ImportPlan.Rehearse(steps, World(inputs.Select(i => i.State)), Sample.Now),
            $"eventList[0]: outputs[0]: product {product.Gtin} is not registered");
    }

    /// <summary>The example's four input lots (two serial items, a lot in kilograms, a lot in pieces) as the importer holds them, and what it uses of each.</summary>
    private static List<(BatchRef Batch, Quantity Used, BatchState State)> TransformationInputs()
    {
        var made = new DateTimeOffset(2013, 10, 1, 0, 0, 0, TimeSpan.Zero);
        return new (BatchRef Batch, Quantity Used, Quantity Held)[]
            {
                (Item("0401234511122", "25"), Pieces(1), Pieces(1)),
                (Item("0400000165432", "99886655"), Pieces(1), Pieces(1)),
                (Item("0401234511111", "4444"), new Quantity(10m, "KGM"), new Quantity(25m, "KGM")),
                (Item("0061414177777", "987"), Pieces(30), Pieces(30)),
            }
            .Select(i => (i.Batch, i.Used, Held(i.Batch, i.Held, made)))
            .ToList();
    }
}
