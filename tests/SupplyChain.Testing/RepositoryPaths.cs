namespace SupplyChain.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Configuration the tests were built in (Debug or Release), read off the output path.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Azurite =>
        Environment.GetEnvironmentVariable("SUPPLYCHAIN_AZURITE") is { Length: > 0 } path ? path
        : Path.Combine(Root, "node_modules", "azurite", "dist", "src", "azurite.js");

    public static string ServerDll => Path.Combine(Root, "src", "SupplyChain.Server", "bin", Configuration, "net10.0", "SupplyChain.Server.dll");

    /// <summary>Why the GS1 files are not found: one line naming them and where they belong.</summary>
    public const string Gs1Missing =
        "GS1 EPCIS 2.0 reference files missing: put EPCIS-JSON-Schema.json, epcis-context.jsonld and examples/*.jsonld in ../shared/gs1 beside the repository or in .cache/gs1 (scripts/test downloads them from GS1 when it can reach ref.gs1.org and raw.githubusercontent.com)";

    /// <summary>The GS1 EPCIS 2.0 schema, context and examples (kept out of the repository: their licence grants no right to redistribute them).</summary>
    public static string Gs1 => Gs1In(Root) ?? throw new InvalidOperationException(Gs1Missing);

    /// <summary>../shared/gs1 beside the repository first, then the .cache/gs1 that scripts/test fills; null when neither holds them.</summary>
    public static string? Gs1In(string root) =>
        new[] { Path.Combine(root, "..", "shared", "gs1"), Path.Combine(root, ".cache", "gs1") }
            .Select(Path.GetFullPath)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "EPCIS-JSON-Schema.json")) && Directory.Exists(Path.Combine(folder, "examples")));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupplyChain.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SupplyChain.sln not found above " + AppContext.BaseDirectory);
    }
}
