using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SupplyChain.Testing;

namespace SupplyChain.Domain.Tests.Epcis;

/// <summary>
/// The GS1 EPCIS 2.0 schema and example documents, read from ../shared/gs1 beside the repository or the .cache/gs1 that
/// scripts/test fills: their LICENSE (GS1's disclaimer) grants no right to redistribute them, so they are not in the repository.
/// </summary>
internal static class Gs1Files
{
    private static readonly Lazy<string> Folder = new(() => RepositoryPaths.Gs1);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(Folder.Value, "EPCIS-JSON-Schema.json")));

    public static string Example(string name) => File.ReadAllText(Path.Combine(Folder.Value, "examples", name));

    public static IReadOnlyList<string> Examples =>
        Directory.GetFiles(Path.Combine(Folder.Value, "examples"), "*.jsonld").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>The schema's complaints about a document, each with where it is in the document; none when it validates.</summary>
    public static IReadOnlyList<string> Validate(JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        var results = Schema.Value.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, without details")
            .ToList();
    }
}
