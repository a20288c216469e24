using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace SupplyChain.Server.Tests.Links;

/// <summary>The Digital Link resolver over HTTP: content negotiation, redirects, refusals and QR codes.</summary>
[Collection(LinkPagesCollection.Name)]
public sealed class ResolverTests(LinkPagesFixture world) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    [Fact]
    public async Task A_linkset_is_given_for_the_linkType_parameter_and_for_the_linkset_media_type()
    {
        var canonical = world.Address + LinkPagesFixture.SaltPath;
        using var byQuery = await _http.GetAsync(canonical + "?linkType=linkset");
        using var request = new HttpRequestMessage(HttpMethod.Get, world.Address + "/01/8938000100029/10/LDD-260408-M");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/linkset+json"));
        using var byHeader = await _http.SendAsync(request);

        foreach (var response in new[] { byQuery, byHeader })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/linkset+json", response.Content.Headers.ContentType!.MediaType);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var entry = json.RootElement.GetProperty("linkset")[0];
            Assert.Equal(canonical, entry.GetProperty("anchor").GetString());
            Assert.Equal(canonical, entry.GetProperty("https://ref.gs1.org/voc/defaultLink")[0].GetProperty("href").GetString());
            Assert.StartsWith(world.Address + "/epcis/events?", entry.GetProperty("https://ref.gs1.org/voc/epcis")[0].GetProperty("href").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("gs1:pip", "/01/08938000100029")]
    [InlineData("gs1:certificationInfo", "/01/08938000100029/10/LDD-260408-M#ocop")]
    [InlineData("https://ref.gs1.org/voc/traceability", "/01/08938000100029/10/LDD-260408-M#timeline")]
    public async Task A_known_link_type_answers_307_to_its_target(string linkType, string target)
    {
        using var response = await _http.GetAsync($"{world.Address}{LinkPagesFixture.SaltPath}?linkType={Uri.EscapeDataString(linkType)}");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal(world.Address + target, response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/01/8938000100028/10/LDD-260408-M", "check digit 8, expected 9")]
    [InlineData("/01/8938000100029/10/A%20B", "not in the GS1 character set")]
    [InlineData("/01/8938000100029/99/X", "'/99/' does not belong here")]
    public async Task A_malformed_link_is_400_with_a_page_saying_what_is_wrong(string path, string problem)
    {
        using var response = await _http.GetAsync(world.Address + path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(problem, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_product_is_404_and_a_known_one_has_its_own_page()
    {
        using var unknown = await _http.GetAsync(world.Address + "/01/8930000000019");
        using var known = await _http.GetAsync(world.Address + "/01/8938000100029?lang=en");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        var page = await known.Content.ReadAsStringAsync();
        Assert.Contains("Long Dien Dong Salt Cooperative", page, StringComparison.Ordinal);
        Assert.Contains("BL-OCOP-2024-002", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resolver_describes_itself_at_the_well_known_address()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(world.Address + "/.well-known/gs1resolver"));

        Assert.Equal(world.Address, json.RootElement.GetProperty("resolverRoot").GetString());
        Assert.Equal("01", json.RootElement.GetProperty("supportedPrimaryKeys")[0].GetString());
    }

    [Fact]
    public async Task The_QR_code_of_a_lot_decodes_to_its_canonical_link()
    {
        var png = await _http.GetByteArrayAsync(world.Address + "/01/8938000100029/10/LDD-260408-M/qr.png");
        var svg = await _http.GetStringAsync(world.Address + LinkPagesFixture.SaltPath + "/qr.svg");

        var (grey, width, height) = PngPixels.Read(png);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8))));
        Assert.NotNull(result);
        Assert.Equal(world.Address + LinkPagesFixture.SaltPath, result.Text);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_serial_resolves_to_its_lots_page()
    {
        using var response = await _http.GetAsync(world.Address + "/01/08938000100029/10/LDD-260408-M/21/0001?lang=en");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd id=\"lot\">LDD-260408-M</dd>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();
}
