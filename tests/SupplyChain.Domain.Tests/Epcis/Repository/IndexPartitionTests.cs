using SupplyChain.Domain.Epcis.HashId;
using SupplyChain.Domain.Epcis.Repository;

namespace SupplyChain.Domain.Tests.Epcis.Repository;

public sealed class IndexPartitionTests
{
    [Theory]
    [InlineData("https://id.gs1.org/01/08930000000019/10/BL-2026-0001", "08930000000019/BL-2026-0001")]
    [InlineData("https://id.gs1.org/01/08930000000019/10/Lot%2F7-A", "08930000000019/Lot/7-A")]
    public void A_lot_s_partition_names_its_batch(string canonical, string key) =>
        Assert.Equal(key, IndexPartition.Lot(IndexPartition.Object(canonical))?.Key);

    [Theory]
    [InlineData("https://id.gs1.org/01/08930000000019/21/SERIAL-1")]
    [InlineData("https://id.gs1.org/01/08930000000019")]
    [InlineData("https://id.gs1.org/00/089345670000000017")]
    [InlineData("https://id.gs1.org/01/08930000000019/10/LOT/21/9")]
    public void Other_identifiers_name_no_batch(string canonical) => Assert.Null(IndexPartition.Lot(IndexPartition.Object(canonical)));

    [Fact]
    public void Term_partitions_name_no_batch()
    {
        Assert.Null(IndexPartition.Lot(IndexPartition.BizStep("https://ref.gs1.org/cbv/BizStep-shipping")));
        Assert.Null(IndexPartition.Lot(IndexPartition.Gtin("08930000000019")));
        Assert.Equal("08930000000019/L1", IndexPartition.Lot(IndexPartition.Object(CanonicalIdentifier.FromDigitalLink("https://id.gs1.org/01/08930000000019/10/L1")!))?.Key);
    }
}
