using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Links;
using SupplyChain.Domain.Tests.Epcis;

namespace SupplyChain.Domain.Tests.Links;

/// <summary>Exported EPCIS documents write their Digital Links on the configured domain, the one the labels carry.</summary>
public sealed class LinkDomainTests
{
    private static readonly DateTimeOffset Created = new(2025, 6, 2, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void An_export_on_a_link_domain_carries_no_link_on_GS1s_resolver_and_the_same_identifiers()
    {
        var trace = SampleTrace.Build();
        var standard = EpcisExport.Text(EpcisExport.Document(trace.Logs, Created, SampleTrace.ProductNames));

        var ours = EpcisExport.Text(EpcisExport.Document(trace.Logs, Created, SampleTrace.ProductNames, linkDomain: "https://id.example.vn/"));

        Assert.Contains("\"https://id.gs1.org/01/", standard, StringComparison.Ordinal);
        Assert.DoesNotContain("https://id.gs1.org/", ours, StringComparison.Ordinal);
        Assert.Contains("\"https://id.example.vn/01/", ours, StringComparison.Ordinal);
        Assert.Equal(standard, ours.Replace("https://id.example.vn/", "https://id.gs1.org/", StringComparison.Ordinal));
    }

    [Fact]
    public void GS1s_own_domain_leaves_a_document_as_it_is()
    {
        var trace = SampleTrace.Build();

        Assert.Equal(
            EpcisExport.Text(EpcisExport.Document(trace.Logs, Created)),
            EpcisExport.Text(EpcisExport.Document(trace.Logs, Created, linkDomain: LinkDomain.Gs1)));
    }
}
