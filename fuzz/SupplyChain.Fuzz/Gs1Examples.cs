namespace SupplyChain.Fuzz;

/// <summary>
/// The GS1 EPCIS example documents in ../shared/gs1/examples beside the repository (not in it: their licence grants no
/// right to redistribute them), found by walking up to the folder that holds SupplyChain.sln.
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

        var examples = folder is null ? null : Path.GetFullPath(Path.Combine(folder.FullName, "..", "shared", "gs1", "examples"));
        return examples is not null && Directory.Exists(examples) ? examples : null;
    }
}
