using System.Text.Json.Nodes;
using SupplyChain.Domain;

namespace SupplyChain.Server.Epcis;

/// <summary>An RFC 7807 problem document with one of the EPCIS 2.0 exception types, raised by the door and written by <see cref="EpcisFilter"/>.</summary>
public sealed class EpcisProblem(int status, string type, string detail) : Exception(detail)
{
    public const string MediaType = "application/problem+json";

    public int Status { get; } = status;

    public string Type { get; } = "epcisException:" + type;

    public static EpcisProblem Unauthenticated(string detail) => new(StatusCodes.Status401Unauthorized, "SecurityException", detail);

    public static EpcisProblem NotBuilt(string detail) => new(StatusCodes.Status501NotImplemented, "ImplementationException", detail + " is not built yet");

    public static EpcisProblem Unsupported(string contentType) => new(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaTypeException",
        $"Content-Type '{contentType}' is not accepted: this repository takes JSON-LD only (application/ld+json or application/json)");

    public static EpcisProblem TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, "CaptureLimitExceededException", detail);

    /// <summary>A domain refusal as the standard's status and type; query parameters are QueryParameterException.</summary>
    public static EpcisProblem Of(DomainException refused, bool query) => refused.Refusal switch
    {
        Refusal.InvalidArgument => new(StatusCodes.Status400BadRequest, query ? "QueryParameterException" : "ValidationException", refused.Message),
        Refusal.NotFound => new(StatusCodes.Status404NotFound, "NoSuchResourceException", refused.Message),
        Refusal.PermissionDenied => new(StatusCodes.Status403Forbidden, "SecurityException", refused.Message),
        Refusal.AlreadyExists => new(StatusCodes.Status409Conflict, "ResourceAlreadyExistsException", refused.Message),
        // Valid in itself but not against what is stored (a batch in transit, a quantity overdrawn): a conflict with the resource's state.
        Refusal.FailedPrecondition => new(StatusCodes.Status409Conflict, "ValidationException", refused.Message),
        _ => new(StatusCodes.Status500InternalServerError, "ImplementationException", refused.Message),
    };

    public IResult Result(HttpContext http) => Results.Text(
        new JsonObject { ["type"] = Type, ["title"] = Title(Status), ["status"] = Status, ["detail"] = Message, ["instance"] = http.Request.Path.Value }.ToJsonString(),
        MediaType, System.Text.Encoding.UTF8, Status);

    private static string Title(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "No valid bearer token",
        403 => "Not permitted",
        404 => "No such resource",
        409 => "Conflict with what is stored",
        413 => "Capture too large",
        414 => "Query string too long",
        415 => "Unsupported media type",
        501 => "Not implemented",
        _ => "Server error",
    };
}
