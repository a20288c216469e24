namespace SupplyChain.Bench;

/// <summary>
/// One row of the table: its id, what it measures, how, the row whose results it builds on, and whether it starts
/// on a fresh Azurite and server (then it and the measures after it run there).
/// </summary>
public sealed record Measure(string Id, string Name, Func<BenchContext, Task> Run, string? Needs = null, bool Fresh = false)
{
    /// <summary>The measures to run for --only (every one when it is empty), with the ones they build on, in order.</summary>
    public static IReadOnlyList<Measure> Select(IReadOnlyList<Measure> all, IReadOnlySet<string> only)
    {
        if (only.Count == 0)
        {
            return all;
        }

        var wanted = new HashSet<string>(only);
        for (var added = true; added;)
        {
            added = false;
            foreach (var m in all.Where(m => wanted.Contains(m.Id) && m.Needs is not null))
            {
                added |= wanted.Add(m.Needs!);
            }
        }

        return all.Where(m => wanted.Contains(m.Id)).ToList();
    }
}
