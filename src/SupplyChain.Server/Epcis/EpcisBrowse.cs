using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using SupplyChain.Application.Epcis;
using SupplyChain.Domain;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Server.Epcis;

/// <summary>The binding's top-level resources: each is a listing, a resource naming its sub-resources, and its events as GET /events with one parameter fixed.</summary>
public static class EpcisBrowse
{
    private const string Context = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";

    private static readonly string[] EventTypes = ["ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent"];

    /// <summary>Each top-level resource: its path segment and the query parameter its events fix.</summary>
    private static readonly (string Segment, string Parameter)[] Resources =
    [
        ("eventTypes", "eventType"),
        ("epcs", "MATCH_anyEPC"),
        ("bizSteps", "EQ_bizStep"),
        ("bizLocations", "EQ_bizLocation"),
        ("readPoints", "EQ_readPoint"),
        ("dispositions", "EQ_disposition"),
    ];

    internal static readonly (string Path, string Allow)[] Paths =
        Resources.SelectMany(r => new[] { ($"/{r.Segment}", "GET, OPTIONS"), ($"/{r.Segment}/{{value}}", "GET, OPTIONS"), ($"/{r.Segment}/{{value}}/events", "GET, OPTIONS") }).ToArray();

    public static RouteGroupBuilder MapBrowse(this RouteGroupBuilder epcis)
    {
        epcis.MapGet("/eventTypes", () => Collection(EventTypes));
        epcis.MapGet("/bizSteps", () => Collection(EpcisVocabulary.BizSteps.Order(StringComparer.Ordinal)));
        epcis.MapGet("/dispositions", () => Collection(CbvDispositions.Words.Order(StringComparer.Ordinal)));
        foreach (var listing in new[] { "epcs", "bizLocations", "readPoints" })
        {
            epcis.MapGet($"/{listing}", IResult () => throw EpcisProblem.NotBuilt($"the listing of every known {listing} (query their events at /{listing}/{{value}}/events)"));
        }

        foreach (var (segment, parameter) in Resources)
        {
            epcis.MapGet($"/{segment}/{{value}}", (HttpContext http) =>
            {
                Check(parameter, Raw(http, segment));
                return Collection(["events"]);
            });
            epcis.MapGet($"/{segment}/{{value}}/events", (HttpContext http, EpcisCallers callers, EpcisEvents events) =>
            {
                var value = Raw(http, segment);
                Check(parameter, value);
                var parameters = EpcisEndpoints.Parameters(http);
                parameters[Parameter(parameter, value)] = [value];
                return EpcisEndpoints.EventsAsync(http, callers, events, parameters);
            });
        }

        return epcis;
    }

    /// <summary>A lot (an LGTIN or a Digital Link with a lot) is a class of objects: its events are those naming the class.</summary>
    private static string Parameter(string parameter, string value) =>
        parameter == "MATCH_anyEPC" && (value.StartsWith("urn:epc:class:", StringComparison.Ordinal) || value.Contains("/10/", StringComparison.Ordinal))
            ? "MATCH_anyEPCClass"
            : parameter;

    /// <summary>Refuses a value the query would refuse, and answers 404 for an event type or CBV word that does not exist.</summary>
    private static void Check(string parameter, string value)
    {
        if (parameter == "eventType" && !EventTypes.Contains(value))
        {
            throw DomainException.NotFound($"eventType: '{value}' is not an EPCIS 2.0 event type ({string.Join(", ", EventTypes)})");
        }

        EventQueryParser.Parse(new Dictionary<string, IReadOnlyList<string>> { [Parameter(parameter, value)] = [value] });
    }

    /// <summary>The path segment after the resource's name, decoded once: EPCs and locations hold '/' and ':' sent URL-encoded.</summary>
    private static string Raw(HttpContext http, string segment)
    {
        var path = http.Features.Get<IHttpRequestFeature>()?.RawTarget.Split('?')[0] ?? http.Request.Path.Value ?? "";
        var marker = "/" + segment + "/";
        var at = path.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = path.IndexOf('/', at);
        return Uri.UnescapeDataString(end < 0 ? path[at..] : path[at..end]);
    }

    private static IResult Collection(IEnumerable<string> members) => Results.Text(
        new JsonObject { ["@context"] = Context, ["type"] = "Collection", ["member"] = new JsonArray(members.Select(m => (JsonNode?)m).ToArray()) }.ToJsonString(),
        EpcisEndpoints.MediaType, System.Text.Encoding.UTF8);
}
