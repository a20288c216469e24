namespace SupplyChain.Bench;

/// <summary>How much work each measurement does: the full profile, or a quick smoke check for CI.</summary>
public sealed record BenchOptions
{
    /// <summary>Concurrent clients for the raw, capture and read measurements.</summary>
    public int Concurrency { get; init; } = 32;

    public bool Quick { get; init; }

    /// <summary>Runs per measurement; each figure is the median over them.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Single-entity inserts per raw storage run.</summary>
    public int RawInserts { get; init; } = 10_000;

    /// <summary>Transactions per raw run shaped like one captured checkpoint.</summary>
    public int RawAppends { get; init; } = 4_000;

    /// <summary>Entity-group transactions of 100 entities per raw run.</summary>
    public int RawGroups { get; init; } = 100;

    /// <summary>Batches the capture load spreads over.</summary>
    public int CaptureBatches { get; init; } = 1_000;

    /// <summary>
    /// RecordCheckpoint calls per capture run: enough for a run to last several times the server's write-out delay
    /// (5 s), so that writing journaled events out to the batch logs is paid inside the runs, as in steady operation.
    /// </summary>
    public int CaptureEvents { get; init; } = 60_000;

    /// <summary>Appends on one batch per flat-cost run; the first and last 100 are compared.</summary>
    public int FlatAppends { get; init; } = 10_000;

    /// <summary>Groups of 61 batches in the traced genealogy (16: 981 batches in all).</summary>
    public int TraceGroups { get; init; } = 16;

    /// <summary>Warm TraceBack calls per run.</summary>
    public int TraceCalls { get; init; } = 20;

    /// <summary>GetBatch calls per read run.</summary>
    public int Reads { get; init; } = 60_000;

    /// <summary>Batches created on one chain per chain-growth run; the first and last 100 are compared.</summary>
    public int ChainBatches { get; init; } = 5_000;

    /// <summary>Batches created and kept active for the memory measurement.</summary>
    public int MemoryBatches { get; init; } = 100_000;

    /// <summary>Row ids to measure (e.g. "1", "2", "4"); empty for all. Rows that depend on another run it too.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Longest each stretch of a flat-cost run may take.</summary>
    public TimeSpan FlatLimit { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest the memory measurement may spend creating batches.</summary>
    public TimeSpan MemoryLimit { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest any one run may take; a run that reaches it stops and says so.</summary>
    public TimeSpan RunLimit { get; init; } = TimeSpan.FromMinutes(5);

    public static BenchOptions Full { get; } = new();

    public static BenchOptions QuickProfile { get; } = new()
    {
        Quick = true,
        Runs = 1,
        RawInserts = 2_000,
        RawAppends = 1_000,
        RawGroups = 20,
        CaptureBatches = 200,
        CaptureEvents = 1_000,
        FlatAppends = 2_000,
        Reads = 10_000,
        TraceGroups = 2,
        TraceCalls = 10,
        MemoryBatches = 10_000,
        ChainBatches = 600,
        RunLimit = TimeSpan.FromSeconds(30),
        MemoryLimit = TimeSpan.FromSeconds(32),
        FlatLimit = TimeSpan.FromSeconds(30),
    };

    /// <summary>Reads the command line; null (with a message written) when it is not understood.</summary>
    public static BenchOptions? Parse(string[] args, TextWriter error)
    {
        var options = Full;
        int? runs = null;
        HashSet<string> only = [];
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = QuickProfile;
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is >= 1 and <= 9:
                    runs = n;
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    i++;
                    break;
                default:
                    error.WriteLine($"unknown argument '{args[i]}'");
                    error.WriteLine("usage: scripts/bench [--quick] [--runs N (1-9)] [--only 1,1b,1c,2,3,3b,4,5,7,7b,6,1']");
                    return null;
            }
        }

        options = options with { Only = only };
        return runs is { } r ? options with { Runs = r } : options;
    }
}
