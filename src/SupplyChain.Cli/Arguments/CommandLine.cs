namespace SupplyChain.Cli.Arguments;

/// <summary>The words after a command's name: options (--name value, --name=value), flags (--name) and positional values.</summary>
/// <remarks>An option takes the next word as its value unless that word starts with "--", so negative numbers are values.</remarks>
internal sealed class CommandLine
{
    private readonly List<(string Name, string? Value)> _options = [];
    private readonly List<string> _positionals = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private int _positionalsRead;

    private CommandLine()
    {
    }

    public static CommandLine Parse(IReadOnlyList<string> words)
    {
        var line = new CommandLine();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "-h")
            {
                line._options.Add(("help", null));
            }
            else if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var equals = word.IndexOf('=', StringComparison.Ordinal);
                if (equals > 2)
                {
                    line._options.Add((word[2..equals], word[(equals + 1)..]));
                }
                else if (i + 1 < words.Count && !words[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    line._options.Add((word[2..], words[++i]));
                }
                else
                {
                    line._options.Add((word[2..], null));
                }
            }
            else
            {
                line._positionals.Add(word);
            }
        }

        return line;
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"--{name} is required");

    public string? Optional(string name)
    {
        var values = All(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new UsageException($"--{name} is given {values.Count} times, once is allowed"),
        };
    }

    public IReadOnlyList<string> All(string name)
    {
        _read.Add(name);
        return _options
            .Where(option => option.Name == name)
            .Select(option => option.Value ?? throw new UsageException($"--{name} needs a value"))
            .ToList();
    }

    public bool Flag(string name)
    {
        _read.Add(name);
        var given = _options.Where(option => option.Name == name).ToList();
        if (given.Any(option => option.Value is not null))
        {
            throw new UsageException($"--{name} takes no value");
        }

        return given.Count > 0;
    }

    public string Positional(int index, string label)
    {
        if (index >= _positionals.Count)
        {
            throw new UsageException($"{label} is required");
        }

        _positionalsRead = Math.Max(_positionalsRead, index + 1);
        return _positionals[index];
    }

    /// <summary>Fails on anything the command did not read, before it talks to the server.</summary>
    public void RejectUnused()
    {
        var unknown = _options.Select(option => option.Name).FirstOrDefault(name => !_read.Contains(name));
        if (unknown is not null)
        {
            throw new UsageException($"unknown option --{unknown}");
        }

        if (_positionals.Count > _positionalsRead)
        {
            throw new UsageException($"unexpected argument '{_positionals[_positionalsRead]}'");
        }
    }
}
