using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SupplyChain.Application.Epcis;
using SupplyChain.Domain;
using SupplyChain.Domain.Epcis.Query;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Server.Api;

namespace SupplyChain.Server.Epcis;

/// <summary>
/// The GS1 EPCIS 2.0 REST door on the HTTP/1.1 port: capture (documents and single events, in the caller's name
/// through the importer) and SimpleEventQuery by lot, mapped onto the application layer; JSON-LD only.
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

    /// <summary>Query parameters of the standard this door does not offer yet: a 501, never silently ignored.</summary>
    private static readonly string[] NotBuiltParameters = ["perPage", "nextPageToken", "orderBy", "orderDirection"];

    public static WebApplicationBuilder AddEpcis(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EpcisOptions>(builder.Configuration.GetSection(EpcisOptions.Section));
        builder.Services.AddSingleton<CaptureJobs>();
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
        epcis.MapGet("/capture", async (HttpContext http, EpcisCallers callers, CaptureJobs jobs) =>
            Results.Json(new JsonArray((await JobsOf(http, callers, jobs)).Select(j => (JsonNode?)j.Json()).ToArray())));
        epcis.MapGet("/capture/{captureId}", async (string captureId, HttpContext http, EpcisCallers callers, CaptureJobs jobs) =>
            jobs.Find(captureId, await callers.ReadAsync(http)) is { } job
                ? Results.Json(job.Json())
                : throw DomainException.NotFound($"captureId: no capture job '{captureId}' on this server (jobs are kept in memory: a restart forgets them)"));
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

    private static async Task<IReadOnlyList<CaptureJob>> JobsOf(HttpContext http, EpcisCallers callers, CaptureJobs jobs) => jobs.Of(await callers.ReadAsync(http));

    private static async Task<IResult> CaptureAsync(HttpContext http, [FromServices] EpcisCallers callers, [FromServices] EpcisImporter importer, [FromServices] CaptureJobs jobs, [FromServices] IOptions<EpcisOptions> options, [FromServices] TimeProvider clock)
    {
        var caller = await callers.ReadAsync(http);
        Behaviour(http);
        var document = await EpcisBodies.ReadAsync(http, options.Value);
        EpcisBodies.CountEvents(document, options.Value);
        var job = await ImportAsync(http, caller, importer, document, clock);
        jobs.Keep(job);
        return Results.Accepted($"{options.Value.BasePath.TrimEnd('/')}/capture/{job.Id}", job.Json());
    }

    private static async Task<IResult> CaptureEventAsync(HttpContext http, [FromServices] EpcisCallers callers, [FromServices] EpcisImporter importer, [FromServices] CaptureJobs jobs, [FromServices] IOptions<EpcisOptions> options, [FromServices] TimeProvider clock)
    {
        var caller = await callers.ReadAsync(http);
        Behaviour(http);
        var text = await EpcisBodies.ReadAsync(http, options.Value);
        var (document, eventId) = EpcisBodies.Wrap(text, clock.GetUtcNow());
        jobs.Keep(await ImportAsync(http, caller, importer, document, clock));
        return Results.Created($"{options.Value.BasePath.TrimEnd('/')}/events/{Uri.EscapeDataString(eventId)}", null);
    }

    private static async Task<CaptureJob> ImportAsync(HttpContext http, SupplyChain.Domain.Access.Caller caller, EpcisImporter importer, string document, TimeProvider clock)
    {
        var started = clock.GetUtcNow();
        // The caller's own name by default; another party's name only where the rulebook lets the caller act for it.
        var actor = Gln.ParseOptional(http.Request.Query["actorGln"].ToString(), "actorGln")
            ?? caller.Gln ?? throw DomainException.Invalid("actorGln", "the token names no GLN: say in whose name the document is captured");
        var receiver = Gln.ParseOptional(http.Request.Query["receiverGln"].ToString(), "receiverGln");
        var imported = await importer.ImportAsync(caller, actor, receiver, document, http.RequestAborted);
        foreach (var (_, reply) in imported.Applied)
        {
            CaptureMetrics.Count(reply);
        }

        return new CaptureJob(Guid.NewGuid().ToString("N"), caller.Subject, started, clock.GetUtcNow(), true, imported.Capture.EventCount, []);
    }

    /// <summary>All or nothing is what the importer does; proceeding past a refused event is not built yet.</summary>
    private static void Behaviour(HttpContext http)
    {
        var behaviour = http.Request.Headers["GS1-Capture-Error-Behaviour"].ToString();
        if (behaviour is "" or "rollback")
        {
            return;
        }

        throw behaviour == "proceed"
            ? EpcisProblem.NotBuilt("GS1-Capture-Error-Behaviour: proceed (captures are all or nothing: rollback)")
            : DomainException.Invalid("GS1-Capture-Error-Behaviour", $"'{behaviour}' is not rollback or proceed");
    }

    private static Task<IResult> QueryAsync(HttpContext http, EpcisCallers callers, EpcisEvents events) =>
        EventsAsync(http, callers, events, Parameters(http));

    /// <summary>Answers SimpleEventQuery parameters as GET /events does: the browse paths and named queries map onto it.</summary>
    internal static async Task<IResult> EventsAsync(HttpContext http, EpcisCallers callers, EpcisEvents events, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        var caller = await callers.ReadAsync(http);
        var (query, lot) = Parse(parameters);
        var format = Format(http);
        return Document(http, await events.QueryAsync(caller, lot, query, http.RequestAborted), format);
    }

    /// <summary>The request's query string as parameter name to raw values.</summary>
    internal static Dictionary<string, IReadOnlyList<string>> Parameters(HttpContext http) =>
        http.Request.Query.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Select(v => v ?? "").ToList(), StringComparer.Ordinal);

    private static async Task<IResult> EventAsync(HttpContext http, EpcisCallers callers, EpcisEvents events)
    {
        var caller = await callers.ReadAsync(http);
        var eventId = RawEventId(http);
        var (query, lot) = Parse(Parameters(http));
        var found = await events.QueryAsync(caller, lot, query with { EventIds = [eventId] }, http.RequestAborted);
        return found["epcisBody"]?["queryResults"]?["resultsBody"]?["eventList"]?.AsArray().Count > 0
            ? Document(http, found, Format(http))
            : throw DomainException.NotFound($"eventID: no event '{eventId}' in lot {lot}");
    }

    private static (EventQuery Query, BatchRef Lot) Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        if (NotBuiltParameters.FirstOrDefault(parameters.ContainsKey) is { } paging)
        {
            throw EpcisProblem.NotBuilt($"query parameter {paging} (results come whole, in event-time order)");
        }

        var query = EventQueryParser.Parse(parameters);
        var lot = EpcisEvents.Lot(query) ?? throw EpcisProblem.NotBuilt(
            "a query that names no single lot in MATCH_anyEPCClass (queries by time, bizStep, location or party need indexes of their own)");
        return (query, lot);
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
