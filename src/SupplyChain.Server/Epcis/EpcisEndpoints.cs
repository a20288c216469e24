using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Application.Epcis;
using SupplyChain.Domain.Access;
using SupplyChain.Domain;
using SupplyChain.Domain.Epcis.Query;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Server.Api;

namespace SupplyChain.Server.Epcis;

/// <summary>
/// The GS1 EPCIS 2.0 REST door on the HTTP/1.1 port: capture (documents and single events, in the caller's name
/// through the importer, as jobs) and SimpleEventQuery through the repository's indexes, mapped onto the application layer; JSON-LD only.
/// </summary>
public static class EpcisEndpoints
{
    public const string MediaType = "application/ld+json";

    /// <summary>Each path of the binding served here and the methods it allows.</summary>
    private static readonly (string Path, string Allow)[] Paths =
    [
        ("", "GET, OPTIONS"),
        ("/capture", "GET, POST, OPTIONS"),
        ("/capture/{captureId}", "GET, OPTIONS"),
        ("/events", "GET, POST, OPTIONS"),
        ("/events/{**eventId}", "GET, OPTIONS"),
        .. EpcisBrowse.Paths,
        .. EpcisNamedQueries.Paths,
    ];

    public static WebApplicationBuilder AddEpcis(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EpcisOptions>(builder.Configuration.GetSection(EpcisOptions.Section));
        builder.Services.AddSingleton<EpcisCallers>();
        builder.Services.AddSingleton<EpcisFilter>();
        return builder.AddEpcisOpenApi(builder.Configuration.GetSection(EpcisOptions.Section).Get<EpcisOptions>() ?? new EpcisOptions());
    }

    public static WebApplication MapEpcis(this WebApplication app, int httpPort)
    {
        var options = app.Services.GetRequiredService<IOptions<EpcisOptions>>().Value;
        var epcis = app.MapGroup(options.BasePath.TrimEnd('/')).RequireHost($"*:{httpPort}").AddEndpointFilter<EpcisFilter>();
        epcis.MapGet("", () => Results.Json(new { resources = Paths.Skip(1).Select(p => options.BasePath.TrimEnd('/') + p.Path).ToArray() }));
        epcis.MapPost("/capture", CaptureAsync);
        epcis.MapGet("/capture", async (HttpContext http, EpcisCallers callers, EpcisCaptures captures) =>
            Results.Json(new JsonArray((await captures.OfAsync(await callers.ReadAsync(http))).Select(j => (JsonNode?)CaptureJobJson.Of(j)).ToArray())));
        epcis.MapGet("/capture/{captureId}", async (string captureId, HttpContext http, EpcisCallers callers, EpcisCaptures captures) =>
            await captures.FindAsync(await callers.ReadAsync(http), captureId) is { } job
                ? Results.Json(CaptureJobJson.Of(job))
                : throw DomainException.NotFound($"captureId: no capture job '{captureId}'"));
        epcis.MapPost("/events", CaptureEventAsync);
        epcis.MapGet("/events", QueryAsync);
        epcis.MapGet("/events/{**eventId}", EventAsync);
        epcis.MapBrowse();
        epcis.MapNamedQueries(options);
        app.MapEpcisOpenApi(options, httpPort);
        foreach (var (path, allow) in Paths)
        {
            epcis.MapMethods(path, [HttpMethods.Options], (HttpContext http) =>
            {
                http.Response.Headers.Allow = allow;
                return Results.NoContent();
            });
        }

        return app;
    }

    private static async Task<IResult> CaptureAsync(HttpContext http, [FromServices] EpcisCallers callers, [FromServices] EpcisCaptures captures, [FromServices] IOptions<EpcisOptions> options)
    {
        var caller = await callers.ReadAsync(http);
        var proceed = Proceed(http);
        var document = await EpcisBodies.ReadAsync(http, options.Value);
        var refused = EpcisBodies.Check(document, options.Value, proceed);
        var job = await RunAsync(http, caller, captures, document, proceed, refused);
        return Results.Accepted($"{options.Value.BasePath.TrimEnd('/')}/capture/{job.Id}", CaptureJobJson.Of(job));
    }

    private static async Task<IResult> CaptureEventAsync(HttpContext http, [FromServices] EpcisCallers callers, [FromServices] EpcisCaptures captures, [FromServices] IOptions<EpcisOptions> options, [FromServices] TimeProvider clock)
    {
        var caller = await callers.ReadAsync(http);
        Proceed(http);
        var text = await EpcisBodies.ReadAsync(http, options.Value);
        var (document, eventId) = EpcisBodies.Wrap(text, clock.GetUtcNow());
        var (actor, receiver) = Parties(http, caller);
        Count(await captures.CaptureEventAsync(caller, actor, receiver, document, http.RequestAborted));
        return Results.Created($"{options.Value.BasePath.TrimEnd('/')}/events/{Uri.EscapeDataString(eventId)}", null);
    }

    private static async Task<CaptureJob> RunAsync(HttpContext http, Caller caller, EpcisCaptures captures, string document, bool proceed, IReadOnlyDictionary<int, string> refused)
    {
        var (actor, receiver) = Parties(http, caller);
        var (job, imported) = await captures.CaptureAsync(caller, actor, receiver, document, proceed, refused, http.RequestAborted);
        Count(imported);
        return job;
    }

    /// <summary>The caller's own name by default; another party's name only where the rulebook lets the caller act for it.</summary>
    private static (Gln Actor, Gln? Receiver) Parties(HttpContext http, Caller caller) =>
        (Gln.ParseOptional(http.Request.Query["actorGln"].ToString(), "actorGln")
            ?? caller.Gln ?? throw DomainException.Invalid("actorGln", "the token names no GLN: say in whose name the document is captured"),
         Gln.ParseOptional(http.Request.Query["receiverGln"].ToString(), "receiverGln"));

    private static void Count(Imported? imported)
    {
        foreach (var (_, reply) in imported?.Applied ?? [])
        {
            CaptureMetrics.Count(reply);
        }
    }

    /// <summary>Whether a capture proceeds past refused events (proceed) or is all or nothing (rollback, the default).</summary>
    private static bool Proceed(HttpContext http) => http.Request.Headers["GS1-Capture-Error-Behaviour"].ToString() switch
    {
        "" or "rollback" => false,
        "proceed" => true,
        var other => throw DomainException.Invalid("GS1-Capture-Error-Behaviour", $"'{other}' is not rollback or proceed"),
    };

    private static Task<IResult> QueryAsync(HttpContext http, EpcisCallers callers, EpcisEvents events) =>
        EventsAsync(http, callers, events, Parameters(http));

    /// <summary>Answers SimpleEventQuery parameters as GET /events does: the browse paths and named queries map onto it.</summary>
    internal static async Task<IResult> EventsAsync(HttpContext http, EpcisCallers callers, EpcisEvents events, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        var caller = await callers.ReadAsync(http);
        var query = EventQueryParser.Parse(parameters);
        var format = Format(http);
        EventPage page;
        try
        {
            page = await events.QueryAsync(caller, query, http.RequestAborted);
        }
        catch (QueryTooComplexException tooComplex)
        {
            throw new EpcisProblem(StatusCodes.Status413PayloadTooLarge, "QueryTooComplexException", tooComplex.Message);
        }

        if (page.NextPageToken is { } next)
        {
            var link = http.Request.Query.Where(p => p.Key != "nextPageToken")
                .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
                .Append($"nextPageToken={Uri.EscapeDataString(next)}");
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}?{string.Join('&', link)}>; rel=\"next\"";
        }

        return Document(http, events.Document(page), format);
    }

    /// <summary>The request's query string as parameter name to raw values.</summary>
    internal static Dictionary<string, IReadOnlyList<string>> Parameters(HttpContext http) =>
        http.Request.Query.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);

    private static async Task<IResult> EventAsync(HttpContext http, EpcisCallers callers, EpcisEvents events)
    {
        var caller = await callers.ReadAsync(http);
        var eventId = RawEventId(http);
        var format = Format(http);
        var found = await events.FindAsync(caller, eventId) ?? throw DomainException.NotFound($"eventID: no event '{eventId}' is stored");
        return Document(http, events.Document(new EventPage([found], null)), format);
    }

    /// <summary>The event id as sent, read from the raw target: ids hold '/' and ':', which routing would split or leave encoded.</summary>
    private static string RawEventId(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget.Split('?')[0] ?? http.Request.Path.Value ?? "";
        var at = raw.IndexOf("/events/", StringComparison.Ordinal);
        return Uri.UnescapeDataString(raw[(at + "/events/".Length)..]);
    }

    /// <summary>The identifier format the request's GS1-EPC-Format asks for, refused before any reading when it asks for URNs.</summary>
    private static EpcFormat Format(HttpContext http) =>
        EpcFormats.Read(http.Request.Headers[EpcFormats.Header].ToString()) ?? throw new EpcisProblem(StatusCodes.Status406NotAcceptable, "NotAcceptableException",
            "GS1-EPC-Format: Always_EPC_URN cannot be served: a Digital Link does not carry its company prefix's length; ask for Always_GS1_Digital_Link or Never_Translates");

    /// <summary>A query answer with its events' identifiers in the asked format, which the answer's header names.</summary>
    private static IResult Document(HttpContext http, JsonObject document, EpcFormat format)
    {
        foreach (var e in (document["epcisBody"]?["queryResults"]?["resultsBody"]?["eventList"] as JsonArray ?? []).OfType<JsonObject>())
        {
            EpcFormats.Apply(e, format);
        }

        http.Response.Headers[EpcFormats.Header] = format == EpcFormat.DigitalLink ? "Always_GS1_Digital_Link" : "Never_Translates";
        return Results.Text(document.ToJsonString(), MediaType, System.Text.Encoding.UTF8);
    }
}
