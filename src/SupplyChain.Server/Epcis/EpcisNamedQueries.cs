using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Application.Epcis;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Server.Epcis;

/// <summary>Named queries of the binding (POST/GET /queries, GET/DELETE /queries/{name}, GET /queries/{name}/events) onto <see cref="NamedQueries"/>.</summary>
public static class EpcisNamedQueries
{
    internal static readonly (string Path, string Allow)[] Paths =
    [
        ("/queries", "GET, POST, OPTIONS"),
        ("/queries/{queryName}", "GET, DELETE, OPTIONS"),
        ("/queries/{queryName}/events", "GET, OPTIONS"),
    ];

    public static RouteGroupBuilder MapNamedQueries(this RouteGroupBuilder epcis, EpcisOptions options)
    {
        epcis.MapPost("/queries", async (HttpContext http, EpcisCallers callers, NamedQueries queries) =>
        {
            var caller = await callers.ReadAsync(http);
            var text = await EpcisBodies.ReadAsync(http, options);
            using var body = EpcisBodies.Parse(text);
            var query = await queries.DefineAsync(caller, body.RootElement);
            return Results.Created($"{options.BasePath.TrimEnd('/')}/queries/{query.Name}", Json(query));
        });
        epcis.MapGet("/queries", async (HttpContext http, EpcisCallers callers, NamedQueries queries) =>
            Results.Json(new JsonArray((await queries.ListAsync(await callers.ReadAsync(http))).Select(q => (JsonNode?)Json(q)).ToArray())));
        epcis.MapGet("/queries/{queryName}", async (string queryName, HttpContext http, EpcisCallers callers, NamedQueries queries) =>
            Results.Json(Json(await queries.GetAsync(await callers.ReadAsync(http), queryName))));
        epcis.MapDelete("/queries/{queryName}", async (string queryName, HttpContext http, EpcisCallers callers, NamedQueries queries) =>
        {
            await queries.DeleteAsync(await callers.ReadAsync(http), queryName);
            return Results.NoContent();
        });
        epcis.MapGet("/queries/{queryName}/events", async (string queryName, HttpContext http, EpcisCallers callers, NamedQueries queries, EpcisEvents events) =>
        {
            var query = await queries.GetAsync(await callers.ReadAsync(http), queryName);
            var parameters = new Dictionary<string, IReadOnlyList<string>>(query.Parameters, StringComparer.Ordinal);
            foreach (var (name, values) in EpcisEndpoints.Parameters(http))
            {
                // A reading pages through the view; it does not change what the view asks.
                parameters[name] = NamedQuery.PerReading.Contains(name) ? values : throw SupplyChain.Domain.DomainException.Invalid(name, $"query '{queryName}' is read with perPage and nextPageToken only; its parameters are fixed when it is defined");
            }

            return await EpcisEndpoints.EventsAsync(http, callers, events, parameters);
        });
        return epcis;
    }

    private static JsonObject Json(NamedQuery query) => new()
    {
        ["name"] = query.Name,
        ["query"] = new JsonObject(query.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray(p.Value.Select(v => (JsonNode?)v).ToArray())))),
    };
}
