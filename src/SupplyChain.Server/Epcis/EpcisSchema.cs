using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SupplyChain.Server.Epcis;

/// <summary>
/// The service's own JSON Schemas of EPCIS 2.0 capture bodies (a document for POST /capture, one event for POST /events,
/// sharing the event's definitions), built once and evaluated once per body before the importer reads it.
/// </summary>
public sealed class EpcisSchema
{
    private const string Folder = "SupplyChain.Server.Epcis.Schema.";

    // Built once: evaluating a body reuses the compiled keywords, and a second, detailed pass runs only for a refusal.
    private static readonly Lazy<(EpcisSchema Document, EpcisSchema Event)> Built = new(Build);

    private static readonly EvaluationOptions Fast = new() { OutputFormat = OutputFormat.Flag };

    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly JsonSchema _schema;

    private readonly Dictionary<string, JsonNode> _texts;

    private EpcisSchema(JsonSchema schema, Dictionary<string, JsonNode> texts) => (_schema, _texts) = (schema, texts);

    public static EpcisSchema Document => Built.Value.Document;

    public static EpcisSchema Event => Built.Value.Event;

    /// <summary>Every refusal of the body, one per place, the document's own before its events' and events in order; none when it is valid.</summary>
    public IReadOnlyList<SchemaRefusal> Check(JsonElement body)
    {
        if (_schema.Evaluate(body, Fast).IsValid)
        {
            return [];
        }

        var refusals = Failures(_schema.Evaluate(body, Detailed))
            .SelectMany(d => d.Errors!.Select(e => SchemaRefusal.Of(body, d.InstanceLocation.ToString(), d.SchemaLocation, e.Key, e.Value, Keyword)))
            .DistinctBy(r => r.Pointer)
            .OrderBy(r => r.EventIndex ?? -1)
            .ToList();
        return refusals.Count > 0 ? refusals : [new SchemaRefusal("", "is not a valid EPCIS 2.0 body")];
    }

    /// <summary>Refuses a body the schema refuses with a 400 problem naming its first fault's place and what is wrong.</summary>
    public void Refuse(JsonElement body)
    {
        if (Check(body) is [var first, ..])
        {
            throw first.Problem();
        }
    }

    /// <summary>The failed results that make the body invalid: a failed branch under a passing node (an if, one anyOf choice) is not one.</summary>
    private static IEnumerable<EvaluationResults> Failures(EvaluationResults node)
    {
        if (node.IsValid)
        {
            yield break;
        }

        if (node.Errors is { Count: > 0 })
        {
            yield return node;
        }

        foreach (var child in node.Details ?? [])
        {
            if (!child.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
            {
                foreach (var failure in Failures(child))
                {
                    yield return failure;
                }
            }
        }
    }

    /// <summary>The value of the schema keyword at an absolute schema location (the enum's values, the required names).</summary>
    private JsonNode? Keyword(Uri location)
    {
        var document = location.GetLeftPart(UriPartial.Path);
        if (!_texts.TryGetValue(document, out var text))
        {
            return null;
        }

        var node = (JsonNode?)text;
        foreach (var segment in Uri.UnescapeDataString(location.Fragment.TrimStart('#')).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[name],
                JsonArray a when int.TryParse(name, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The schema's text as shipped in the assembly.</summary>
    private static string Text(string name)
    {
        using var stream = typeof(EpcisSchema).Assembly.GetManifestResourceStream(Folder + name)
            ?? throw new InvalidOperationException($"embedded schema '{name}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static (EpcisSchema, EpcisSchema) Build()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var texts = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        JsonSchema Load(string name)
        {
            var text = Text(name);
            var node = JsonNode.Parse(text)!;
            texts[node["$id"]!.GetValue<string>()] = node;
            return JsonSchema.FromText(text, options);
        }

        var eventSchema = Load("epcis-event.schema.json");
        var documentSchema = Load("epcis-document.schema.json");
        return (new EpcisSchema(documentSchema, texts), new EpcisSchema(eventSchema, texts));
    }
}
