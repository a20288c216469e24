namespace SupplyChain.Domain.Tests;

public sealed class BoundsTests
{
    [Fact]
    public void A_count_at_its_bound_passes()
    {
        Bounds.Count(Bounds.PartsPerSplit, Bounds.PartsPerSplit, "parts", "parts");
    }

    [Fact]
    public void A_count_past_its_bound_is_refused_naming_the_field_and_the_bound()
    {
        var refused = Assert.Throws<DomainException>(() => Bounds.Count(51, Bounds.MeasurementsPerCheckpoint, "measurements", "readings"));

        Assert.Equal(Refusal.InvalidArgument, refused.Refusal);
        Assert.Equal("measurements: has 51 readings, at most 50 are allowed", refused.Message);
    }

    [Fact]
    public void The_message_bound_is_4_MiB()
    {
        Assert.Equal(4_194_304, Bounds.MessageBytes);
    }
}
