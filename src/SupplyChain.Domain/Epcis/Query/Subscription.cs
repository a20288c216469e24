using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// A webhook subscription to a named query: the events it matches, from <see cref="InitialRecordTime"/> on, are POSTed
/// to <see cref="Dest"/> as EPCISQueryDocuments, read with the rights of the one who subscribed.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Subscription")]
public sealed partial record Subscription(
    [property: Id(0)] string Id,
    [property: Id(1)] string QueryName,
    [property: Id(2)] string Dest,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset InitialRecordTime,
    [property: Id(5)] string Maker,
    [property: Id(6)] string? MakerGln,
    [property: Id(7)] IReadOnlyList<Role> MakerRoles,
    [property: Id(8)] bool MakerAdmin)
{
    /// <summary>The subscriber as every delivery's query runs for it.</summary>
    public Caller Subscriber() => new(Maker, MakerGln is null ? null : Gln.Parse(MakerGln), MakerRoles.ToHashSet(), MakerAdmin);

    /// <summary>
    /// Reads a stream subscription as the binding's POST /queries/{name}/subscriptions sends it: dest, stream true,
    /// optionally signatureToken and initialRecordTime (now when absent). The secret is checked by the delivery endpoint.
    /// </summary>
    public static Subscription Define(JsonElement body, string id, string queryName, Caller caller, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw DomainException.Invalid("body", "a subscription is a JSON object with dest and stream");
        }

        var dest = body.TryGetProperty("dest", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : throw DomainException.Invalid("dest", "is missing or not a string");
        if (!body.TryGetProperty("stream", out var stream) || stream.ValueKind != JsonValueKind.True)
        {
            throw DomainException.Invalid("stream", "must be true: a subscription without a schedule streams events, and says so");
        }

        var initial = now;
        if (body.TryGetProperty("initialRecordTime", out var t))
        {
            initial = t.ValueKind == JsonValueKind.String && Zoned().IsMatch(t.GetString()!)
                && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? at
                : throw DomainException.Invalid("initialRecordTime", "is not a timestamp with a time zone (for example 2024-05-01T08:00:00.000+07:00)");
        }

        return new Subscription(id, queryName, dest, now, initial, caller.Subject, caller.Gln?.Value, caller.Roles.ToList(), caller.Admin);
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Zoned();
}
