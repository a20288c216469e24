using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class CreateBatchTests
{
    private static readonly BatchRef Batch = Sample.Lot("L2025-001");

    private static CreateBatch Command(Quantity? quantity = null, Gln? producer = null, DateTimeOffset? at = null, BatchRef? batch = null) =>
        new("create-1", batch ?? Batch, quantity ?? Sample.Kg(250m), producer ?? Sample.Producer, Sample.Farm, at, "tea-north");

    [Fact]
    public void The_producer_creates_a_batch_of_its_product()
    {
        var created = BatchRules.Create(null, Command(at: Sample.Now.AddHours(-3)), Sample.TeaProduct(), Sample.Now);

        Assert.Equal("create-1", created.EventId);
        Assert.Equal(Sample.Producer, created.Actor);
        Assert.Equal(Sample.Producer, created.Producer);
        Assert.Equal(Sample.Farm, created.Location);
        Assert.Equal(Sample.Now.AddHours(-3), created.EventTime);
        Assert.Equal((Batch.Gtin, Batch.Lot), (created.Gtin, created.Lot));
        Assert.Equal(Sample.Kg(250m), created.Quantity);
        Assert.Equal("tea-north", created.ChainId);
        Assert.Equal(Origin.Produced, created.Origin);
        Assert.Empty(created.Inputs);
        Assert.Equal("commissioning", created.BizStep);
    }

    [Fact]
    public void Without_a_time_the_batch_is_produced_now()
    {
        Assert.Equal(Sample.Now, BatchRules.Create(null, Command(), Sample.TeaProduct(), Sample.Now).EventTime);
    }

    [Fact]
    public void An_existing_batch_is_not_created_again()
    {
        var existing = BatchLog.Produced(Batch.Lot).State;

        Refusals.Expect(Refusal.AlreadyExists, () => BatchRules.Create(existing, Command(), Sample.TeaProduct(), Sample.Now), $"batch {Batch} already exists");
    }

    [Theory]
    [InlineData("8936047800025")] // a distributor
    [InlineData("8936047800063")] // a stranger
    public void Only_the_products_producer_creates_its_batches(string gln)
    {
        Refusals.Expect(
            Refusal.PermissionDenied,
            () => BatchRules.Create(null, Command(producer: Gln.Parse(gln)), Sample.TeaProduct(), Sample.Now),
            $"belongs to producer {Sample.Producer}, not {gln}", "only its producer creates batches");
    }

    [Fact]
    public void The_batch_gtin_must_be_the_products()
    {
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.Create(null, Command(batch: new BatchRef(Sample.Honey, "L1")), Sample.TeaProduct(), Sample.Now),
            "gtin:", $"product {Sample.Tea} does not match batch {Sample.Honey}/L1");
    }

    [Theory]
    [InlineData("GRM")]
    [InlineData("H87")]
    [InlineData("LTR")]
    public void The_quantity_is_in_the_products_unit(string unit)
    {
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.Create(null, Command(quantity: new Quantity(5m, unit)), Sample.TeaProduct(), Sample.Now),
            "quantity.unit:", $"{unit} differs from the product's unit KGM");
    }

    [Fact]
    public void A_production_time_up_to_five_minutes_ahead_is_accepted_beyond_that_refused()
    {
        Assert.Equal(Sample.Now.AddMinutes(5), BatchRules.Create(null, Command(at: Sample.Now.AddMinutes(5)), Sample.TeaProduct(), Sample.Now).EventTime);
        Refusals.Expect(
            Refusal.InvalidArgument,
            () => BatchRules.Create(null, Command(at: Sample.Now.AddMinutes(5).AddTicks(1)), Sample.TeaProduct(), Sample.Now),
            "produced_at:", "is in the future");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.Create(null, Command(at: Sample.Now.AddDays(1)), Sample.TeaProduct(), Sample.Now), "produced_at:");
    }

    [Fact]
    public void Event_time_checks_future_and_order()
    {
        var earliest = Sample.Now.AddHours(-1);

        Assert.Equal(Sample.Now, BatchRules.EventTime(null, Sample.Now, "at", earliest));
        Assert.Equal(earliest, BatchRules.EventTime(earliest, Sample.Now, "at", earliest));
        Refusals.Expect(Refusal.FailedPrecondition, () => BatchRules.EventTime(earliest.AddTicks(-1), Sample.Now, "split_at", earliest), "split_at", "events must be in order");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRules.EventTime(Sample.Now.AddMinutes(6), Sample.Now, "split_at"), "split_at:", "server time");
    }
}
