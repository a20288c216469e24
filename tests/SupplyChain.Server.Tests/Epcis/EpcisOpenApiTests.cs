using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>The OpenAPI document at /epcis/openapi.json says what the server answers, path by path and method by method.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class EpcisOpenApiTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_document_lists_every_path_with_the_methods_its_options_allow()
    {
        using var http = EpcisClient.For(fixture.Server, null);
        using var answer = await http.GetAsync("/epcis/openapi.json");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.EnumerateObject().Select(m => m.Name.ToUpperInvariant()).ToHashSet());

        foreach (var expected in new[] { "/epcis/capture", "/epcis/events", "/epcis/queries", "/epcis/queries/{queryName}/events", "/epcis/eventTypes/{value}/events" })
        {
            Assert.Contains(expected, paths.Keys);
        }

        Assert.DoesNotContain(paths.Keys, p => !p.StartsWith("/epcis", StringComparison.Ordinal));
        var events = document.RootElement.GetProperty("paths").GetProperty("/epcis/events").GetProperty("get").GetProperty("parameters");
        Assert.Contains(events.EnumerateArray(), p => p.GetProperty("name").GetString() == "MATCH_anyEPCClass");

        foreach (var (path, methods) in paths)
        {
            var concrete = Placeholder().Replace(path, "x");
            using var options = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, concrete));
            Assert.True(options.StatusCode == HttpStatusCode.NoContent, $"OPTIONS {concrete}: {(int)options.StatusCode}");
            var allowed = options.Content.Headers.Allow.ToHashSet();
            Assert.True(methods.Union(["OPTIONS"]).ToHashSet().SetEquals(allowed), $"{path}: the document has {string.Join(", ", methods)}, OPTIONS allows {string.Join(", ", allowed)}");
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
