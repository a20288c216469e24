using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>A named EPCIS query: a view on the events, its parameters checked when it is defined, run in each reader's rights.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.NamedQuery")]
public sealed partial record NamedQuery(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters,
    [property: Id(2)] string Maker,
    [property: Id(3)] DateTimeOffset Defined)
{
    /// <summary>Parameters a definition may not fix: they belong to each reading of the view.</summary>
    public static readonly IReadOnlySet<string> PerReading = new HashSet<string>(StringComparer.Ordinal) { "perPage", "nextPageToken" };

    /// <summary>
    /// Reads a definition as the binding's POST /queries sends it: {"name": ..., "query": {parameter: value or [values]}};
    /// every parameter is checked as GET /events would check it, so a stored query never fails later on its own terms.
    /// </summary>
    public static NamedQuery Define(JsonElement body, string maker, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw DomainException.Invalid("body", "a named query is a JSON object with name and query");
        }

        var name = body.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw DomainException.Invalid("name", "is missing or not a string");
        CheckName(name);
        if (!body.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.Object)
        {
            throw DomainException.Invalid("query", "is missing or not an object of SimpleEventQuery parameters");
        }

        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var parameter in query.EnumerateObject())
        {
            if (PerReading.Contains(parameter.Name))
            {
                throw DomainException.Invalid($"query.{parameter.Name}", "belongs to each reading of the query, not to its definition");
            }

            parameters[parameter.Name] = parameter.Value.ValueKind == JsonValueKind.Array
                ? parameter.Value.EnumerateArray().Select(v => Scalar($"query.{parameter.Name}", v)).ToList()
                : [Scalar($"query.{parameter.Name}", parameter.Value)];
        }

        if (parameters.Count == 0)
        {
            throw DomainException.Invalid("query", "names no parameter: a query of every event is GET /events");
        }

        EventQueryParser.Parse(parameters);
        return new NamedQuery(name, parameters, maker, now);
    }

    /// <summary>Refuses a name that cannot stand as one path segment.</summary>
    public static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw DomainException.Invalid("name", $"'{(name.Length > 80 ? name[..80] + "..." : name)}' is not a query name: 1-64 letters, digits, '-', '_' or '.'");
        }
    }

    /// <summary>The definition as the binding returns it.</summary>
    public Dictionary<string, object> Json() => new()
    {
        ["name"] = Name,
        ["query"] = Parameters.ToDictionary(p => p.Key, p => (object)p.Value),
    };

    /// <summary>Whether two definitions ask the same thing (a repeated POST of the same query is no conflict).</summary>
    public bool SameAs(NamedQuery other) =>
        Name == other.Name && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v.SequenceEqual(p.Value));

    private static string Scalar(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw DomainException.Invalid(field, $"is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; give a string, a number or a list of them"),
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
