using SupplyChain.Domain.Epcis.Repository;
using static SupplyChain.Domain.Tests.Epcis.Query.EventQueryParserTests;

namespace SupplyChain.Domain.Tests.Epcis.Repository;

public sealed class IndexPlanTests
{
    private static readonly DateTimeOffset Horizon = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_lot_is_read_from_its_own_partition_before_any_other_index()
    {
        var read = IndexPlan.For(Parse(("MATCH_anyEPCClass", "urn:epc:class:lgtin:8930000.000001.L1"), ("EQ_bizStep", "shipping"), ("GE_recordTime", "2026-01-01T00:00:00Z")), Horizon)!;

        Assert.Equal([IndexPartition.Object("https://id.gs1.org/01/08930000000019/10/L1")], read.Partitions);
        Assert.Equal(["https://id.gs1.org/01/08930000000019/10/L1"], read.Lots);
    }

    [Fact]
    public void A_class_wildcard_reads_its_gtin_and_ids_are_point_reads()
    {
        Assert.Equal(["g|08930000000019"], IndexPlan.For(Parse(("MATCH_epc", "urn:epc:idpat:sgtin:8930000.000001.*")), Horizon)!.Partitions);
        Assert.Equal(["urn:uuid:1", "urn:uuid:2"], IndexPlan.For(Parse(("EQ_eventID", "urn:uuid:1|urn:uuid:2"), ("EQ_bizStep", "shipping")), Horizon)!.EventIds);
    }

    [Fact]
    public void Terms_come_before_time_and_several_values_are_merged()
    {
        var read = IndexPlan.For(Parse(("EQ_bizStep", "shipping|receiving"), ("GE_recordTime", "2026-01-01T00:00:00Z")), Horizon)!;

        Assert.Equal(2, read.Partitions.Count);
        Assert.False(read.Consecutive);
        Assert.All(read.Partitions, p => Assert.StartsWith("bs|", p, StringComparison.Ordinal));
        Assert.Equal(["r|20260101", "r|20260102", "r|20260103", "r|20260104", "r|20260105"], read.Days);
    }

    [Fact]
    public void Record_time_reads_its_days_one_after_another_up_to_the_horizon()
    {
        var read = IndexPlan.For(Parse(("GE_recordTime", "2026-01-03T23:00:00Z")), Horizon)!;

        Assert.Equal(["r|20260103", "r|20260104", "r|20260105"], read.Partitions);
        Assert.True(read.Consecutive);
    }

    [Fact]
    public void A_query_no_index_serves_gets_no_plan_rather_than_a_scan()
    {
        Assert.Null(IndexPlan.For(Parse(("EQ_action", "OBSERVE")), Horizon));
        Assert.Null(IndexPlan.For(Parse(("GE_eventTime", "2025-01-01T00:00:00Z")), Horizon));
        Assert.Null(IndexPlan.For(Parse(("GE_recordTime", "2020-01-01T00:00:00Z")), Horizon));
        Assert.Equal(3, IndexPlan.For(Parse(("GE_eventTime", "2026-01-01T00:00:00Z"), ("LT_eventTime", "2026-01-03T12:00:00Z")), Horizon)!.Partitions.Count);
    }
}
