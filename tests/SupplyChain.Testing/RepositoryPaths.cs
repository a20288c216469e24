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
