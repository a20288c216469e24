using System.Text.Json.Nodes;

namespace SupplyChain.Application.Epcis;

/// <summary>One page of a SimpleEventQuery: the events, whole, and the token of the next page (null on the last).</summary>
public sealed record EventPage(IReadOnlyList<JsonObject> Events, string? NextPageToken);
