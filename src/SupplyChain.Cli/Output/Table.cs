namespace SupplyChain.Cli.Output;

/// <summary>Rows printed in left-aligned columns under a header and a rule.</summary>
internal sealed class Table(params string[] headers)
{
    private const string Gap = "  ";
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row needs {headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        _rows.Add(cells);
    }

    public void WriteTo(TextWriter output, string emptyText = "(none)")
    {
        if (_rows.Count == 0)
        {
            output.WriteLine(emptyText);
            return;
        }

        var widths = headers
            .Select((header, column) => Math.Max(header.Length, _rows.Max(row => row[column].Length)))
            .ToArray();
        WriteRow(output, headers, widths);
        WriteRow(output, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join(Gap, cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
}
