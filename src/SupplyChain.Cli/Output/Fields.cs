namespace SupplyChain.Cli.Output;

/// <summary>A block of "key: value" lines with the values aligned; empty values are left out.</summary>
internal sealed class Fields
{
    private readonly List<(string Key, string Value)> _lines = [];

    public Fields Add(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _lines.Add((key, value));
        }

        return this;
    }

    public void WriteTo(TextWriter output)
    {
        var width = _lines.Count == 0 ? 0 : _lines.Max(line => line.Key.Length) + 1;
        foreach (var (key, value) in _lines)
        {
            output.WriteLine($"{(key + ":").PadRight(width)} {value}");
        }
    }
}
