using System.Net;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests.Links;

/// <summary>A client address over its rate gets a readable 429 page; health probes are not limited.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_a_page_and_probes_still_answer()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await ServerProcess.StartAsync(azurite.ConnectionString, new Dictionary<string, string> { ["Links__RequestsPerMinute"] = "3" });
        using var http = new HttpClient();
        var address = $"http://127.0.0.1:{server.HttpPort}";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync(address + "/01/8938000100029/10/L1?lang=en");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Too many requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal("60", response.Headers.RetryAfter!.ToString());
            }
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(address + "/healthz")).StatusCode);
    }
}
