using System.Text.Json.Nodes;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Epcis;

namespace SupplyChain.Server.Epcis;

/// <summary>A capture job as GET /capture/{id} writes it.</summary>
public static class CaptureJobJson
{
    public static JsonObject Of(CaptureJob job) => new()
    {
        ["captureID"] = job.Id,
        ["createdAt"] = EpcisExport.Time(job.CreatedAt, TimeSpan.Zero),
        ["finishedAt"] = job.FinishedAt is { } finished ? EpcisExport.Time(finished, TimeSpan.Zero) : null,
        ["running"] = job.FinishedAt is null,
        ["success"] = job.Success,
        ["captureErrorBehaviour"] = job.Behaviour,
        ["eventCount"] = job.EventCount,
        ["errors"] = new JsonArray(job.Errors.Select(e => (JsonNode?)e).ToArray()),
    };
}
