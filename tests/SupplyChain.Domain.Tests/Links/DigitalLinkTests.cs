using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Links;

namespace SupplyChain.Domain.Tests.Links;

/// <summary>Reading Digital Link paths and writing their canonical form.</summary>
public sealed class DigitalLinkTests
{
    [Theory]
    [InlineData("/01/08938000100029/10/LDD-260408-M", "01/08938000100029/10/LDD-260408-M")]
    [InlineData("/01/8938000100029/10/LDD-260408-M", "01/08938000100029/10/LDD-260408-M")]
    [InlineData("/01/96385074", "01/00000096385074")]
    [InlineData("/01/036000291452", "01/00036000291452")]
    [InlineData("/01/8938000100029/10/A%2FB%25C", "01/08938000100029/10/A%2FB%25C")]
    public void A_GTIN_of_any_length_reads_into_the_14_digit_canonical_path(string path, string canonical)
    {
        Assert.Equal(canonical, DigitalLink.Parse(path).Path);
    }

    [Fact]
    public void A_lot_with_a_slash_is_read_from_its_encoded_form_and_written_back_encoded()
    {
        var link = DigitalLink.Parse("/01/8938000100029/10/A%2FB");

        Assert.Equal(new BatchRef(Gtin.Parse("8938000100029"), "A/B"), link.Batch);
        Assert.Equal("https://id.example.vn/01/08938000100029/10/A%2FB", link.On("https://id.example.vn/"));
    }

    [Fact]
    public void A_serial_alone_leads_to_the_lot_of_one_piece_named_by_it_and_after_a_lot_to_that_lot()
    {
        Assert.Equal("SN-7", DigitalLink.Parse("/01/8938000100029/21/SN-7").Batch!.Lot);
        var both = DigitalLink.Parse("/01/8938000100029/10/L1/21/SN-7");
        Assert.Equal(("L1", "SN-7"), (both.Batch!.Lot, both.Serial));
        Assert.Equal("01/08938000100029/10/L1", both.Path);
    }

    [Theory]
    [InlineData("/01/8938000100028", "gtin: '8938000100028' has check digit 8, expected 9")]
    [InlineData("/01/12345", "gtin: '12345' is not a GTIN")]
    [InlineData("/02/8938000100029", "path: expected /01/{gtin}")]
    [InlineData("/01/8938000100029/10", "path: expected /01/{gtin}")]
    [InlineData("/01/8938000100029/21/S/10/L", "path: '/10/' does not belong here")]
    [InlineData("/01/8938000100029/17/261231", "path: '/17/' does not belong here")]
    [InlineData("/01/8938000100029/10/ABCDEFGHIJKLMNOPQRSTU", "lot: has 21 characters")]
    [InlineData("/01/8938000100029/10/%C3%A9", "lot: character 'é' is not in the GS1 character set")]
    public void A_malformed_path_is_refused_naming_the_part_at_fault(string path, string message)
    {
        var refused = Assert.Throws<DomainException>(() => DigitalLink.Parse(path));

        Assert.Equal(Refusal.InvalidArgument, refused.Refusal);
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://id.example.vn")]
    [InlineData("id.example.vn")]
    [InlineData("https://id.example.vn/?x=1")]
    public void A_link_domain_must_be_an_http_address(string domain)
    {
        Assert.Equal(Refusal.InvalidArgument, Assert.Throws<DomainException>(() => LinkDomain.Normalise(domain)).Refusal);
    }

    [Fact]
    public void No_configured_domain_writes_links_on_GS1s_resolver()
    {
        Assert.Equal("https://id.gs1.org", LinkDomain.Normalise(null));
        Assert.Equal("https://id.example.vn", LinkDomain.Normalise(" https://id.example.vn/ "));
    }
}
