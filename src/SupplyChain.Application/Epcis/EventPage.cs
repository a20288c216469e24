using System.Text.Json.Nodes;

namespace SupplyChain.Application.Epcis;

/// <summary>
/// One page of a SimpleEventQuery: the events, whole, the token of the next page (null on the last), and the horizon the
/// reading stops below: a reader that got every page starts its next reading there (GE_recordTime).
/// </summary>
public sealed record EventPage(IReadOnlyList<JsonObject> Events, string? NextPageToken, DateTimeOffset? Horizon = null);
