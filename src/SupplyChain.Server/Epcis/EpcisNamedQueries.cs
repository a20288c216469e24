using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Application.Epcis;
using SupplyChain.Domain.Deliveries;
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
        ("/queries/{queryName}/subscriptions", "GET, POST, OPTIONS"),
        ("/queries/{queryName}/subscriptions/{subscriptionId}", "GET, DELETE, OPTIONS"),
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
        epcis.MapPost("/queries/{queryName}/subscriptions", async (string queryName, HttpContext http, EpcisCallers callers, EpcisSubscriptions subscriptions) =>
        {
            var caller = await callers.ReadAsync(http);
            using var body = EpcisBodies.Parse(await EpcisBodies.ReadAsync(http, options));
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("schedule", out _))
            {
                throw EpcisProblem.NotBuilt("a scheduled subscription (schedule); subscribe with \"stream\": true");
            }

            var made = await subscriptions.SubscribeAsync(caller, queryName, body.RootElement, http.RequestAborted);
            var json = Json(made.Status, []);
            if (made.MadeSecret is { } secret)
            {
                json["signatureToken"] = secret;
            }

            return Results.Created($"{options.BasePath.TrimEnd('/')}/queries/{queryName}/subscriptions/{made.Status.Subscription.Id}", json);
        });
        epcis.MapGet("/queries/{queryName}/subscriptions", async (string queryName, HttpContext http, EpcisCallers callers, EpcisSubscriptions subscriptions) =>
            Results.Json(new JsonArray((await subscriptions.ListAsync(await callers.ReadAsync(http), queryName)).Select(s => (JsonNode?)Json(s, [])).ToArray())));
        epcis.MapGet("/queries/{queryName}/subscriptions/{subscriptionId}", async (string queryName, string subscriptionId, HttpContext http, EpcisCallers callers, EpcisSubscriptions subscriptions) =>
        {
            var caller = await callers.ReadAsync(http);
            var status = await subscriptions.GetAsync(caller, queryName, subscriptionId);
            return Results.Json(Json(status, await subscriptions.AttemptsAsync(caller, queryName, subscriptionId, 20)));
        });
        epcis.MapDelete("/queries/{queryName}/subscriptions/{subscriptionId}", async (string queryName, string subscriptionId, HttpContext http, EpcisCallers callers, EpcisSubscriptions subscriptions) =>
        {
            await subscriptions.UnsubscribeAsync(await callers.ReadAsync(http), queryName, subscriptionId);
            return Results.NoContent();
        });
        return epcis;
    }

    /// <summary>A subscription as the binding shows it (never its secret), with its latest delivery attempts when given.</summary>
    private static JsonObject Json(SubscriptionStatus status, IReadOnlyList<DeliveryAttempt> attempts)
    {
        var s = status.Subscription;
        var json = new JsonObject
        {
            ["subscriptionID"] = s.Id,
            ["queryName"] = s.QueryName,
            ["dest"] = s.Dest,
            ["stream"] = true,
            ["createdAt"] = s.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["initialRecordTime"] = s.InitialRecordTime.ToString("O", CultureInfo.InvariantCulture),
            ["minRecordTime"] = status.ReachedRecordTime.ToString("O", CultureInfo.InvariantCulture),
            ["deliveriesQueued"] = status.Deliveries,
            ["eventsQueued"] = status.Events,
        };
        if (attempts.FirstOrDefault(a => a.Delivered) is { } last)
        {
            json["lastNotifiedAt"] = last.At.ToString("O", CultureInfo.InvariantCulture);
        }

        if (attempts.Count > 0)
        {
            json["attempts"] = new JsonArray(attempts.Select(a => (JsonNode?)new JsonObject
            {
                ["deliveryID"] = a.DeliveryId,
                ["attempt"] = a.Attempt,
                ["at"] = a.At.ToString("O", CultureInfo.InvariantCulture),
                ["status"] = a.StatusCode,
                ["error"] = a.Error,
                ["nextAttemptAt"] = a.NextAttemptAt?.ToString("O", CultureInfo.InvariantCulture),
            }).ToArray());
        }

        return json;
    }

    private static JsonObject Json(NamedQuery query) => new()
    {
        ["name"] = query.Name,
        ["query"] = new JsonObject(query.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray(p.Value.Select(v => (JsonNode?)v).ToArray())))),
    };
}
