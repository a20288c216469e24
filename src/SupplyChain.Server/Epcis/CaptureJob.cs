using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis;

namespace SupplyChain.Server.Epcis;

/// <summary>One capture as GET /capture/{id} shows it: who sent it, when, and how it ended.</summary>
public sealed record CaptureJob(string Id, string Owner, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, bool Success, int EventCount, IReadOnlyList<string> Errors)
{
    public JsonObject Json() => new()
    {
        ["captureID"] = Id,
        ["createdAt"] = EpcisExport.Time(CreatedAt, TimeSpan.Zero),
        ["finishedAt"] = FinishedAt is { } finished ? EpcisExport.Time(finished, TimeSpan.Zero) : null,
        ["running"] = FinishedAt is null,
        ["success"] = Success,
        ["captureErrorBehaviour"] = "rollback",
        ["eventCount"] = EventCount,
        ["errors"] = new JsonArray(Errors.Select(e => (JsonNode?)e).ToArray()),
    };
}
