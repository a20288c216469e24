using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Identifiers;

public sealed class BatchRefTests
{
    [Fact]
    public void Parse_checks_both_keys_and_pads_the_gtin()
    {
        var batch = BatchRef.Parse("8930000000019", "L1");

        Assert.Equal(new BatchRef(Sample.Tea, "L1"), batch);
        Assert.Equal("08930000000019/L1", batch.Key);
        Assert.Equal("08930000000019/L1", batch.ToString());
    }

    [Fact]
    public void Parse_names_fields_with_the_prefix()
    {
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRef.Parse("8930000000018", "L1", "inputs[1]."), "inputs[1].gtin:");
        Refusals.Expect(Refusal.InvalidArgument, () => BatchRef.Parse("8930000000019", "L 1", "inputs[1]."), "inputs[1].lot:");
    }

    [Theory]
    [InlineData("L1")]
    [InlineData("a/b/c")]
    [InlineData("%&?")]
    public void The_key_reads_back_to_the_same_batch(string lot)
    {
        var batch = new BatchRef(Sample.Tea, lot);

        Assert.Equal(batch, BatchRef.FromKey(batch.Key));
    }

    [Fact]
    public void The_digital_link_escapes_the_lot()
    {
        Assert.Equal("01/08930000000019/10/a%2Fb%25", new BatchRef(Sample.Tea, "a/b%").DigitalLink);
    }
}
