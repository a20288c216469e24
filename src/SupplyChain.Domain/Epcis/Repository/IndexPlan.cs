using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// Chooses the one index a query reads: the most selective it names (event id, identifier, location, read point,
/// bizStep, disposition, record time, event type, event time, in that order); every other parameter is applied to the
/// rows read by <see cref="EventQueryMatch"/>. Null when the query names nothing an index serves (it would be a scan).
/// </summary>
public static class IndexPlan
{
    /// <summary>At most this many event days are merged for an event-time query.</summary>
    public const int MaxEventDays = 31;

    /// <summary>At most this many record days are read one after another.</summary>
    public const int MaxRecordDays = 400;

    /// <summary>A term query without GE_recordTime finds the batches' own events of this many last days.</summary>
    public const int InlineDays = 31;

    private static readonly string[] ClassParameters = ["MATCH_anyEPCClass", "MATCH_epcClass", "MATCH_inputEPCClass", "MATCH_outputEPCClass"];

    public static IndexRead? For(EventQuery query, DateTimeOffset horizon)
    {
        if (query.EventIds.Count > 0)
        {
            return new IndexRead(query.EventIds, [], false, [], []);
        }

        foreach (var (name, patterns) in query.Patterns.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var partitions = patterns.Select(Partition).ToList();
            if (partitions.All(p => p is not null))
            {
                var lots = ClassParameters.Contains(name) ? patterns.Select(p => p.Exact).OfType<string>().Where(IsLot).ToList() : [];
                return new IndexRead([], partitions.Distinct().ToList()!, false, lots, []);
            }
        }

        var inline = InlineScan(query, horizon);
        var terms = Terms(query.BizLocations, IndexPartition.BizLocation, inline) ?? Terms(query.ReadPoints, IndexPartition.ReadPoint, inline)
            ?? Terms(query.BizSteps, IndexPartition.BizStep, inline) ?? Terms(query.Dispositions, IndexPartition.Disposition, inline);
        if (terms is not null)
        {
            return terms;
        }

        if (query.GeRecordTime is { } from)
        {
            var to = query.LtRecordTime is { } lt && lt < horizon ? lt : horizon;
            var days = Days(from, to);
            return days.Count <= MaxRecordDays ? new IndexRead([], days.Select(IndexPartition.RecordDay).ToList(), true, [], []) : null;
        }

        if (Terms(query.EventTypes, IndexPartition.EventType, inline) is { } types)
        {
            return types;
        }

        if (query.GeEventTime is { } start)
        {
            var days = Days(start, query.LtEventTime ?? horizon.AddDays(1));
            return days.Count <= MaxEventDays ? new IndexRead([], days.Select(IndexPartition.EventDay).ToList(), false, [], inline) : null;
        }

        return null;
    }

    /// <summary>Whether a canonical identifier is a lot: /01/{gtin}/10/{lot} and nothing after.</summary>
    public static bool IsLot(string canonical)
    {
        var at = canonical.IndexOf("/01/", StringComparison.Ordinal);
        return at >= 0 && canonical.IndexOf("/10/", StringComparison.Ordinal) == at + 18 && canonical.IndexOf('/', at + 22) < 0;
    }

    // A wildcard reads every event naming its GTIN; the matcher keeps those below the pattern.
    private static string? Partition(EpcPattern pattern) =>
        pattern.Below is { } below ? (IndexPartition.GtinOf(below) is { } gtin ? IndexPartition.Gtin(gtin) : null)
        : pattern.Exact is { } exact ? IndexPartition.Object(exact)
        : null;

    private static IndexRead? Terms(IReadOnlyList<string> values, Func<string, string> partition, IReadOnlyList<string> inline) =>
        values.Count == 0 ? null : new IndexRead([], values.Select(partition).Distinct().ToList(), false, [], inline);

    /// <summary>The record days a term query reads for inline events: its GE_recordTime (else the last days) up to the horizon.</summary>
    private static IReadOnlyList<string> InlineScan(EventQuery query, DateTimeOffset horizon)
    {
        var to = query.LtRecordTime is { } lt && lt < horizon ? lt : horizon;
        var days = Days(query.GeRecordTime ?? to.AddDays(-InlineDays), to);
        return days.Count <= MaxRecordDays ? days.Select(IndexPartition.RecordDay).ToList() : [];
    }

    /// <summary>The UTC days from one instant up to (not including) another.</summary>
    private static List<DateTimeOffset> Days(DateTimeOffset from, DateTimeOffset to)
    {
        var days = new List<DateTimeOffset>();
        for (var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero); day < to && days.Count <= MaxRecordDays; day = day.AddDays(1))
        {
            days.Add(day);
        }

        return days;
    }
}
