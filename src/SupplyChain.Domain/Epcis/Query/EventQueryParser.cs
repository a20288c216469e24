using System.Globalization;
using System.Text.RegularExpressions;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// Reads SimpleEventQuery parameters as an HTTP query gives them (name to raw values). A repeated parameter and the
/// pipe-delimited form a|b both mean OR. Refusals name the parameter.
/// </summary>
public static partial class EventQueryParser
{
    /// <summary>The MATCH_ parameters and the event fields each looks in.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MatchFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["MATCH_epc"] = new[] { "epcList", "childEPCs" },
        ["MATCH_parentID"] = new[] { "parentID" },
        ["MATCH_inputEPC"] = new[] { "inputEPCList" },
        ["MATCH_outputEPC"] = new[] { "outputEPCList" },
        ["MATCH_anyEPC"] = new[] { "epcList", "childEPCs", "parentID", "inputEPCList", "outputEPCList" },
        ["MATCH_epcClass"] = new[] { "quantityList", "childQuantityList" },
        ["MATCH_inputEPCClass"] = new[] { "inputQuantityList" },
        ["MATCH_outputEPCClass"] = new[] { "outputQuantityList" },
        ["MATCH_anyEPCClass"] = new[] { "quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList" },
    };

    /// <summary>Every parameter <see cref="Parse"/> accepts, as the binding's OpenAPI document lists them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "eventType", "GE_eventTime", "LT_eventTime", "GE_recordTime", "LT_recordTime", "EQ_action", "EQ_bizStep", "EQ_disposition",
        "EQ_readPoint", "EQ_bizLocation", "EQ_eventID", .. MatchFields.Keys, "orderBy", "orderDirection", "eventCountLimit", "perPage", "nextPageToken",
    ];

    private static readonly HashSet<string> EventTypes = new(StringComparer.Ordinal)
    {
        "ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent",
    };

    private static readonly HashSet<string> Actions = new(StringComparer.Ordinal) { "ADD", "OBSERVE", "DELETE" };

    /// <summary>Parses the parameters of one query; an unknown or malformed one is refused with its name.</summary>
    public static EventQuery Parse(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        var query = new EventQuery();
        var matches = new Dictionary<string, IReadOnlyList<EpcPattern>>(StringComparer.Ordinal);
        foreach (var (name, raw) in parameters)
        {
            query = name switch
            {
                "eventType" => query with { EventTypes = Values(name, raw, v => EventTypes.Contains(v) ? v : throw Refused(name, v, "is not an EPCIS 2.0 event type")) },
                "GE_eventTime" => query with { GeEventTime = Time(name, raw) },
                "LT_eventTime" => query with { LtEventTime = Time(name, raw) },
                "GE_recordTime" => query with { GeRecordTime = Time(name, raw) },
                "LT_recordTime" => query with { LtRecordTime = Time(name, raw) },
                "EQ_action" => query with { Actions = Values(name, raw, v => Actions.Contains(v) ? v : throw Refused(name, v, "is not ADD, OBSERVE or DELETE")) },
                "EQ_bizStep" => query with { BizSteps = Values(name, raw, v => Vocabulary(name, v, "BizStep", EpcisVocabulary.BizSteps)) },
                "EQ_disposition" => query with { Dispositions = Values(name, raw, v => Vocabulary(name, v, "Disp", CbvDispositions.Words)) },
                "EQ_readPoint" => query with { ReadPoints = Values(name, raw, v => Location(name, v)) },
                "EQ_bizLocation" => query with { BizLocations = Values(name, raw, v => Location(name, v)) },
                "EQ_eventID" => query with { EventIds = Values(name, raw, v => v) },
                "orderBy" => query with { OrderBy = new EventOrder(OrderField(name, Single(name, raw)), query.OrderBy?.Ascending ?? false) },
                "orderDirection" => query with { OrderBy = (query.OrderBy ?? new EventOrder(EventOrderField.EventTime, false)) with { Ascending = Direction(name, Single(name, raw)) } },
                "eventCountLimit" => query with { EventCountLimit = Positive(name, raw) },
                "perPage" => query with { PerPage = Positive(name, raw) },
                "nextPageToken" => query with { NextPageToken = Single(name, raw) },
                _ when MatchFields.ContainsKey(name) => AddMatch(query, matches, name, raw),
                _ => throw DomainException.Invalid(name, UnknownReason(name)),
            };
        }

        // orderDirection alone orders by nothing in particular: the standard ignores it, and so do we.
        if (query.OrderBy is not null && !parameters.ContainsKey("orderBy"))
        {
            query = query with { OrderBy = null };
        }

        Ordered(query.GeEventTime, query.LtEventTime, "LT_eventTime");
        Ordered(query.GeRecordTime, query.LtRecordTime, "LT_recordTime");
        return query with { Patterns = matches };
    }

    private static EventQuery AddMatch(EventQuery query, Dictionary<string, IReadOnlyList<EpcPattern>> matches, string name, IReadOnlyList<string> raw)
    {
        matches[name] = Values(name, raw, v => EpcPattern.Parse(v, name));
        return query;
    }

    private static List<T> Values<T>(string name, IReadOnlyList<string> raw, Func<string, T> read)
    {
        var values = raw.SelectMany(r => r.Split('|')).Select(v => v.Trim()).ToList();
        if (values.Count == 0 || values.Any(v => v.Length == 0))
        {
            throw DomainException.Invalid(name, "has an empty value");
        }

        return values.Distinct(StringComparer.Ordinal).Select(read).ToList();
    }

    private static string Single(string name, IReadOnlyList<string> raw)
    {
        if (raw.Count != 1 || raw[0].Trim().Length == 0)
        {
            throw DomainException.Invalid(name, raw.Count > 1 ? "is given more than once; it takes one value" : "has an empty value");
        }

        return raw[0].Trim();
    }

    private static DateTimeOffset Time(string name, IReadOnlyList<string> raw)
    {
        var text = Single(name, raw);

        // A '+' left unescaped in a query string arrives as a space: 2024-05-01T08:00:00 07:00.
        var repaired = SpacedOffset().Replace(text, "+$1");
        return repaired.Contains('T', StringComparison.Ordinal) && CanonicalValue.Instant(repaired) is { } instant
            ? instant
            : throw Refused(name, text, "is not a timestamp with a time zone (for example 2024-05-01T08:00:00.000+07:00)");
    }

    private static string Vocabulary(string name, string value, string kind, IReadOnlySet<string> words)
    {
        if (!value.Contains(':', StringComparison.Ordinal) && !words.Contains(value))
        {
            throw Refused(name, value, $"is not a CBV {kind} word; give a CBV word or a full URI");
        }

        var uri = CanonicalValue.Vocabulary(value, kind, JsonLdPrefixes.Standard);
        return Uri.IsWellFormedUriString(uri, UriKind.Absolute) ? uri : throw Refused(name, value, "is not a URI");
    }

    private static string Location(string name, string value)
    {
        var canonical = CanonicalValue.Identifier(value, JsonLdPrefixes.Standard);
        if (value.StartsWith("urn:epc:", StringComparison.Ordinal) && canonical == value)
        {
            throw Refused(name, value, "is not an EPC URN of a GS1 key");
        }

        return Uri.TryCreate(canonical, UriKind.Absolute, out _) ? canonical : throw Refused(name, value, "is not a URI");
    }

    private static EventOrderField OrderField(string name, string value) => value switch
    {
        "eventTime" => EventOrderField.EventTime,
        "recordTime" => EventOrderField.RecordTime,
        _ => throw Refused(name, value, "orders by eventTime or recordTime only"),
    };

    private static bool Direction(string name, string value) => value switch
    {
        "ASC" => true,
        "DESC" => false,
        _ => throw Refused(name, value, "is not ASC or DESC"),
    };

    private static int Positive(string name, IReadOnlyList<string> raw)
    {
        var text = Single(name, raw);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw Refused(name, text, "is not a positive whole number");
    }

    private static void Ordered(DateTimeOffset? from, DateTimeOffset? to, string name)
    {
        if (from is { } start && to is { } end && end <= start)
        {
            throw DomainException.Invalid(name, $"{end:O} is not after the GE_ bound {start:O}: the range is empty");
        }
    }

    private static string UnknownReason(string name) =>
        StandardPrefix().IsMatch(name)
            ? "is a SimpleEventQuery parameter this repository does not support"
            : "is not a SimpleEventQuery parameter";

    private static DomainException Refused(string name, string value, string problem) =>
        DomainException.Invalid(name, $"'{value}' {problem}");

    [GeneratedRegex(@"^(EQ|GE|GT|LE|LT|MATCH|EXISTS|HASATTR|EQATTR|WD|EQ_INNER|GE_INNER|LT_INNER)_|^(maxEventCount|eventCountLimit)$", RegexOptions.CultureInvariant)]
    private static partial Regex StandardPrefix();

    [GeneratedRegex(@" (\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedOffset();
}
