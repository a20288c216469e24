using SupplyChain.Application.Links;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SupplyChain.Domain;
using SupplyChain.Domain.Links;

namespace SupplyChain.Server.Links;

/// <summary>
/// The GS1 Digital Link door on the HTTP/1.1 port: /01/{gtin}[/10/{lot}][/21/{serial}] answers a browser with the
/// consumer page, a linkset request with the linkset, a known link type with a 307 to its target, and
/// /qr.svg or /qr.png after a link with its QR code. No token is needed; each client address is rate-limited.
/// </summary>
public static class LinkEndpoints
{
    public const string RatePolicy = "digital-links";

    public static WebApplicationBuilder AddDigitalLinks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<LinkOptions>(builder.Configuration.GetSection(LinkOptions.Section));
        builder.Services.AddSingleton(services => new VerifiedRecords(
            services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IOptions<LinkOptions>>().Value.VerifiedFor));
        builder.Services.AddSingleton<PublicLots>();
        builder.Services.AddSingleton(services => new CanonicalLinks(services.GetRequiredService<IOptions<LinkOptions>>().Value.Domain is { Length: > 0 } domain ? domain : null));
        builder.Services.AddSingleton<RenderedPages>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RatePolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<LinkOptions>>().Value.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var text = Language(http);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync(PageLayout.Message(text, SwitchHref(http, text), text.TooMany, text.TooManyDetail), ct);
            };
        });
        return builder;
    }

    public static WebApplication MapDigitalLinks(this WebApplication app, int httpPort)
    {
        app.UseRateLimiter();
        var links = app.MapGroup("").RequireHost($"*:{httpPort}").RequireRateLimiting(RatePolicy);
        links.MapGet("/01/{**path}", ResolveAsync);
        links.MapGet("/.well-known/gs1resolver", (HttpContext http, IOptions<LinkOptions> options) =>
            Results.Text(Linkset.Description(Domain(http, options.Value), "SupplyChain Digital Link resolver"), "application/json"));
        return app;
    }

    private static async Task<IResult> ResolveAsync(HttpContext http, PublicLots reader, RenderedPages pages, IOptions<LinkOptions> options)
    {
        var text = Language(http);
        var path = http.Features.Get<IHttpRequestFeature>()?.RawTarget.Split('?')[0] ?? http.Request.Path.Value ?? "";
        var image = path.EndsWith("/qr.svg", StringComparison.Ordinal) ? "svg" : path.EndsWith("/qr.png", StringComparison.Ordinal) ? "png" : null;
        DigitalLink link;
        try
        {
            link = DigitalLink.Parse(image is null ? path : path[..^"/qr.svg".Length]);
        }
        catch (DomainException invalid)
        {
            return Page(http, StatusCodes.Status400BadRequest, PageLayout.Message(text, SwitchHref(http, text), text.BadRequest, invalid.Message));
        }

        var domain = Domain(http, options.Value);
        var canonical = link.On(domain);
        http.Response.Headers.Vary = "Accept, Accept-Language";
        http.Response.Headers.Link = $"<{canonical}?linkType=linkset>; rel=\"linkset\"; type=\"{Linkset.MediaType}\", <{Linkset.Context}>; rel=\"http://www.w3.org/ns/json-ld#context\"";
        var product = await reader.ReadProductAsync(link.Gtin);
        var version = product is not null && link.Batch is { } batch ? await reader.VersionAsync(batch) : null;
        if (product is null || (link.Batch is not null && version is null))
        {
            return NotFound(http, text);
        }

        var linkType = http.Request.Query["linkType"].ToString();
        var wantsLinkset = linkType is "linkset" or "all" || (linkType.Length == 0 && WantsLinkset(http.Request.Headers.Accept.ToString()));
        var known = LinkType.Find(linkType);
        var key = image is null && !wantsLinkset && known is null && version is not null ? $"{canonical}|{text.Language}|{version}" : null;
        if (key is not null && pages.Find(key) is { } kept)
        {
            return Page(http, StatusCodes.Status200OK, kept);
        }

        if (image is not null)
        {
            return image == "svg" ? Results.Text(QrImage.Svg(canonical), "image/svg+xml") : Results.Bytes(QrImage.Png(canonical), "image/png");
        }

        if (wantsLinkset)
        {
            return Results.Text(Linkset.Write(link, domain, product.Value.Product.Name), Linkset.MediaType);
        }

        if (known is not null && LinkTarget.Find(link, domain, known) is { } target)
        {
            // The page itself answers its default link; every other known type goes to its own target.
            return known == LinkType.DefaultLink ? Results.Redirect(canonical, permanent: false, preserveMethod: true) : Results.Redirect(target.Href, permanent: false, preserveMethod: true);
        }

        var story = link.Batch is { } lot ? await reader.ReadLotAsync(lot, canonical, http.RequestAborted) : null;
        if (link.Batch is not null && story is null)
        {
            return NotFound(http, text);
        }

        var html = story is null
            ? LotPage.RenderProduct(product.Value.Product, product.Value.Producer, canonical, text, SwitchHref(http, text))
            : LotPage.Render(story, text, SwitchHref(http, text));
        if (key is not null)
        {
            pages.Keep(key, html);
        }

        return Page(http, StatusCodes.Status200OK, html);
    }

    private static IResult NotFound(HttpContext http, PageText text) =>
        Page(http, StatusCodes.Status404NotFound, PageLayout.Message(text, SwitchHref(http, text), text.NotFound, text.NotFoundLot));

    private static bool WantsLinkset(string accept) =>
        accept.Contains(Linkset.MediaType, StringComparison.OrdinalIgnoreCase)
        || (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static IResult Page(HttpContext http, int status, string html)
    {
        http.Response.Headers.ContentLanguage = html.Contains("<html lang=\"en\"", StringComparison.Ordinal) ? "en" : "vi";
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static PageText Language(HttpContext http) => PageText.For(http.Request.Query["lang"].ToString(), http.Request.Headers.AcceptLanguage.ToString());

    private static string SwitchHref(HttpContext http, PageText text) => $"{http.Request.Path}?lang={text.OtherLanguage}";

    /// <summary>The configured link domain, else the address the request came to.</summary>
    private static string Domain(HttpContext http, LinkOptions options) =>
        options.Domain is { Length: > 0 } configured ? LinkDomain.Normalise(configured) : $"{http.Request.Scheme}://{http.Request.Host}";
}
