using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SupplyChain.Cli.Auth;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>HTTP clients of the EPCIS door, each with a dev token of its own, and the problem documents they read.</summary>
internal static class EpcisClient
{
    public static HttpClient For(ServerProcess server, string? gln, params string[] roles)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.HttpPort}") };
        if (gln is not null || roles.Length > 0)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(server.Key, gln, roles, TimeSpan.FromMinutes(30)));
        }

        return http;
    }

    /// <summary>The @context member naming GS1's EPCIS 2.0 context, to open an event or a document with.</summary>
    public const string Context = "\"@context\": [\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"]";

    /// <summary>An EPCIS 2.0 document of these events.</summary>
    public static string Document(params string[] events) => $$$"""
        { {{{Context}}}, "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{{DateTimeOffset.UtcNow:O}}}",
          "epcisBody": {"eventList": [{{{string.Join(",", events)}}}]}}
        """;

    public static StringContent JsonLd(string body, string mediaType = "application/ld+json") => new(body, Encoding.UTF8, mediaType);

    public static string Lot(string gtin, string lot) => $"https://id.gs1.org/01/{gtin}/10/{Uri.EscapeDataString(lot)}";

    /// <summary>The problem document of a refusal, after checking its status and media type.</summary>
    public static async Task<(string Type, string Detail)> ProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2.0.0", Assert.Single(response.Headers.GetValues("GS1-EPCIS-Version")));
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        return (problem.RootElement.GetProperty("type").GetString()!, problem.RootElement.GetProperty("detail").GetString()!);
    }

    /// <summary>The events of an EPCISQueryDocument answer.</summary>
    public static async Task<IReadOnlyList<JsonElement>> EventsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"expected success, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal("EPCISQueryDocument", root.GetProperty("type").GetString());
        return root.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList").EnumerateArray().ToList();
    }
}
