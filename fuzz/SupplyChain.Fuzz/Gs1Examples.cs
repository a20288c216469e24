namespace SupplyChain.Fuzz;

/// <summary>
/// The GS1 EPCIS example documents in ../shared/gs1/examples beside the repository or in .cache/gs1/examples (not in it:
/// their licence grants no right to redistribute them), found by walking up to the folder that holds SupplyChain.sln.
/// </summary>
public static class Gs1Examples
{
    public static string? Find(string from)
    {
        var folder = new DirectoryInfo(from);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SupplyChain.sln")))
        {
            folder = folder.Parent;
        }

        return folder is not null && Testing.RepositoryPaths.Gs1In(folder.FullName) is { } gs1 ? Path.Combine(gs1, "examples") : null;
    }
}
