using Microsoft.Extensions.Options;
using SupplyChain.Domain;

namespace SupplyChain.Server.Epcis;

/// <summary>Every EPCIS answer carries the version headers; every refusal becomes a problem document, never a bare 500.</summary>
public sealed class EpcisFilter(ILogger<EpcisFilter> logger, IOptions<EpcisOptions> options) : IEndpointFilter
{
    // The one extension namespace events carry: the service's own fields (checkpoint kinds, steps).
    public static readonly string Extensions = $"{SupplyChain.Domain.Epcis.EpcisVocabulary.Prefix}={SupplyChain.Domain.Epcis.EpcisVocabulary.Namespace}";

    /// <summary>The longest query string read; a longer one is 414 with a problem document, well before Kestrel's 8 KB request line.</summary>
    public const int MostQueryCharacters = 4096;

    public static void Headers(HttpResponse response)
    {
        response.Headers["GS1-EPCIS-Version"] = "2.0.0";
        response.Headers["GS1-CBV-Version"] = "2.0.0";
        response.Headers["GS1-Extensions"] = Extensions;
        response.Headers["GS1-EPCIS-Min"] = "2.0.0";
        response.Headers["GS1-EPCIS-Max"] = "2.0.0";
        response.Headers["GS1-CBV-Min"] = "2.0.0";
        response.Headers["GS1-CBV-Max"] = "2.0.0";
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        Headers(http.Response);
        http.Response.Headers["GS1-EPCIS-Capture-Limit"] = options.Value.CaptureLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["GS1-EPCIS-Capture-File-Size-Limit"] = options.Value.CaptureFileSizeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Unacceptable(http.Request.Headers.Accept.ToString()))
        {
            return new EpcisProblem(StatusCodes.Status406NotAcceptable, "NotAcceptableException",
                $"Accept '{http.Request.Headers.Accept}' asks for XML: this repository answers JSON-LD only (application/ld+json or application/json)").Result(http);
        }

        if (http.Request.QueryString.Value?.Length > MostQueryCharacters)
        {
            return new EpcisProblem(StatusCodes.Status414UriTooLong, "URITooLongException",
                $"the query string has {http.Request.QueryString.Value.Length} characters; at most {MostQueryCharacters} are read: define a named query (POST /queries) for a longer one").Result(http);
        }

        var query = http.Request.Method == HttpMethods.Get;
        try
        {
            return await next(context);
        }
        catch (EpcisProblem problem)
        {
            return problem.Result(http);
        }
        catch (Exception ex) when (FirstRefusal(ex) is { } refused)
        {
            return EpcisProblem.Of(refused, query).Result(http);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Api.ErrorMapping.Passing(ex) is { } passing)
        {
            // A capture sent again stores each event once and replays its batch steps, so the caller can simply retry.
            logger.LogWarning(ex, "EPCIS {Method} {Path} met a passing failure", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = "5";
            return new EpcisProblem(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailableException",
                passing + (query ? "; retry the request" : "; send the same request again: each event is stored once and each batch step applied once")).Result(http);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "EPCIS {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return new EpcisProblem(StatusCodes.Status500InternalServerError, "ImplementationException", "internal error; it has been logged").Result(http);
        }
    }

    private static bool Unacceptable(string accept) =>
        accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("*/*", StringComparison.Ordinal);

    /// <summary>The first domain refusal in the chain, inner and aggregated exceptions included.</summary>
    private static DomainException? FirstRefusal(Exception ex) => ex switch
    {
        DomainException d => d,
        AggregateException a => a.InnerExceptions.Select(FirstRefusal).FirstOrDefault(d => d is not null),
        _ => ex.InnerException is { } inner ? FirstRefusal(inner) : null,
    };
}
