using System.Security.Cryptography;
using System.Text;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// A parsed SimpleEventQuery. Each list is OR within the parameter (empty: no restriction); parameters AND together.
/// Vocabulary values are full CBV URIs and identifiers canonical Digital Links, as the matcher compares them.
/// </summary>
public sealed record EventQuery
{
    public IReadOnlyList<string> EventTypes { get; init; } = Array.Empty<string>();

    public DateTimeOffset? GeEventTime { get; init; }

    public DateTimeOffset? LtEventTime { get; init; }

    public DateTimeOffset? GeRecordTime { get; init; }

    public DateTimeOffset? LtRecordTime { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> BizSteps { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Dispositions { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ReadPoints { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> BizLocations { get; init; } = Array.Empty<string>();

    /// <summary>MATCH_ parameter name to its patterns (MATCH_epc, MATCH_anyEPCClass, ...).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EpcPattern>> Patterns { get; init; } =
        new Dictionary<string, IReadOnlyList<EpcPattern>>();

    public IReadOnlyList<string> EventIds { get; init; } = Array.Empty<string>();

    public EventOrder? OrderBy { get; init; }

    public int? EventCountLimit { get; init; }

    public int? PerPage { get; init; }

    /// <summary>The opaque token as given; PageToken.Read checks it.</summary>
    public string? NextPageToken { get; init; }

    /// <summary>Whether its only filters are record-time bounds, which the index read applies, so no event needs matching.</summary>
    public bool OnlyRecordTime =>
        EventTypes.Count == 0 && GeEventTime is null && LtEventTime is null && Actions.Count == 0 && BizSteps.Count == 0 && Dispositions.Count == 0
        && ReadPoints.Count == 0 && BizLocations.Count == 0 && Patterns.Count == 0 && EventIds.Count == 0;

    /// <summary>A digest of the filters (not the paging) that a page token is bound to, so it serves no other query.</summary>
    public byte[] Fingerprint()
    {
        var text = new StringBuilder();
        void Part(string name, IEnumerable<string> values) => text.Append(name).Append('=').AppendJoin('|', values.Order(StringComparer.Ordinal)).Append('\n');

        Part("eventType", EventTypes);
        Part("times", new[] { GeEventTime, LtEventTime, GeRecordTime, LtRecordTime }.Select(t => t?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
        Part("action", Actions);
        Part("bizStep", BizSteps);
        Part("disposition", Dispositions);
        Part("readPoint", ReadPoints);
        Part("bizLocation", BizLocations);
        foreach (var match in Patterns.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Part(match.Key, match.Value.Select(p => $"{p.Exact} {p.Below}"));
        }

        Part("eventID", EventIds);
        Part("order", new[] { OrderBy?.ToString() ?? "-", EventCountLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-" });
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16];
    }
}
