using SupplyChain.V1;

namespace SupplyChain.Server.Tests.Links;

/// <summary>A server with its own link domain: the lot's page links and its EPCIS export name the same canonical links.</summary>
public sealed class LinkDomainTests : IClassFixture<LinkDomainTests.DomainServer>
{
    public const string Domain = "https://id.example.vn";

    private readonly ServerFixture _fixture;

    public LinkDomainTests(DomainServer server) => _fixture = server.Fixture;

    [Fact]
    public async Task The_export_and_the_linkset_use_the_configured_link_domain()
    {
        var world = await new World(_fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        var canonical = $"{Domain}/01/{world.Gtin}/10/{lot}";

        var export = await new TraceService.TraceServiceClient(_fixture.Server.As(world.Auditor, "auditor"))
            .ExportEpcisAsync(new ExportEpcisRequest { Gtin = world.Gtin, Lot = lot });
        Assert.Contains(canonical, export.Document, StringComparison.Ordinal);
        Assert.DoesNotContain("https://id.gs1.org/01/", export.Document, StringComparison.Ordinal);

        using var http = new HttpClient();
        var linkset = await http.GetStringAsync($"http://127.0.0.1:{_fixture.Server.HttpPort}/01/{world.Gtin}/10/{lot}?linkType=linkset");
        Assert.Contains(canonical, linkset, StringComparison.Ordinal);
    }

    /// <summary>The server process of these tests, started with Links__Domain set.</summary>
    public sealed class DomainServer : IAsyncLifetime
    {
        public ServerFixture Fixture { get; } = new() { Settings = new Dictionary<string, string> { ["Links__Domain"] = Domain } };

        public Task InitializeAsync() => Fixture.InitializeAsync();

        public Task DisposeAsync() => Fixture.DisposeAsync();
    }
}
