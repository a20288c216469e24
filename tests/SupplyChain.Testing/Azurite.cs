using System.Diagnostics;

namespace SupplyChain.Testing;

/// <summary>An Azurite process (Azure Storage emulator from npm) with its own data folder and ports.</summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _folder;
    private Process? _process;

    private Azurite(string folder, int blobPort)
    {
        _folder = folder;
        BlobPort = blobPort;
    }

    public int BlobPort { get; }

    public int TablePort => BlobPort + 2;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{BlobPort + 1}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<Azurite> StartAsync()
    {
        var azurite = new Azurite(Directory.CreateTempSubdirectory("supplychain-azurite-").FullName, FreePort.Block(3));
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Stops Azurite gracefully (its data is flushed to the folder), as a storage outage.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await Processes.TerminateAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts Azurite on its ports with its data folder, after a stop.</summary>
    public async Task StartAgainAsync()
    {
        var script = RepositoryPaths.Azurite;
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run scripts/test, which installs it from package-lock.json");
        }

        var blob = BlobPort;
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            script, "--silent", "--location", _folder, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{blob + 1}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{blob + 2}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await Processes.WaitForPortAsync(blob + 2, TimeSpan.FromSeconds(30), process, () => { lock (output) { return output.ToString(); } });
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean.
        }
    }
}
