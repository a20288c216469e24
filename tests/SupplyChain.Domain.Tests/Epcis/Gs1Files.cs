using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SupplyChain.Domain.Tests.Epcis;

/// <summary>
/// The GS1 EPCIS 2.0 schema and example documents, read from ../shared/gs1 beside the repository: their LICENSE (GS1's
/// disclaimer) grants no right to redistribute them, so they are not copied into this repository.
/// </summary>
internal static class Gs1Files
{
    private static readonly Lazy<string> Folder = new(Find);

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

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SupplyChain.sln")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            throw new InvalidOperationException($"no SupplyChain.sln above {AppContext.BaseDirectory}: cannot find the repository root");
        }

        var gs1 = Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "gs1"));
        return Directory.Exists(gs1)
            ? gs1
            : throw new InvalidOperationException($"the GS1 reference files are expected in {gs1} (shared/gs1 beside the repository); they are not in the repository because their licence grants no right to redistribute them");
    }
}
