using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SupplyChain.Cli.Auth;

namespace SupplyChain.Testing;

/// <summary>The real server (ASP.NET Core + Orleans silo) as a separate process on free ports.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private ServerProcess(Dictionary<string, string> environment, int grpcPort, int httpPort)
    {
        _environment = environment;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Bare = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        Key = Convert.FromBase64String(environment["Auth__SigningKey"]);
        Channel = Bare.Intercept(new DevSigner(Key));
    }

    /// <summary>The signing key the tests' servers trust, made afresh for each test run.</summary>
    public static string TestKey { get; } = DevTokens.NewKey();

    /// <summary>A file holding <see cref="TestKey"/>, for the command-line client's --dev-key and --key.</summary>
    public static string TestKeyFile => TestKeyFileLazy.Value;

    private static readonly Lazy<string> TestKeyFileLazy = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), $"supplychain-test-key-{Environment.ProcessId}");
        File.WriteAllText(file, TestKey);
        return file;
    });

    public int GrpcPort { get; }

    public int HttpPort { get; }

    /// <summary>The port other silos reach this one at.</summary>
    public int SiloPort => int.Parse(_environment["Cluster__SiloPort"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the process has exited (a silo declared dead ends itself).</summary>
    public bool Exited => _process is { HasExited: true };

    /// <summary>The running server's process id, for reading its CPU time and memory from /proc.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("the server is not running");

    /// <summary>Calls over cleartext HTTP/2 to the server, each signed with the server's key as the party its request names.</summary>
    public CallInvoker Channel { get; }

    /// <summary>The channel without any token, for calls that bring their own (or none).</summary>
    public GrpcChannel Bare { get; }

    /// <summary>The key this server trusts.</summary>
    public byte[] Key { get; }

    /// <summary>Calls that carry the given bearer token.</summary>
    public CallInvoker With(string token) => Bare.Intercept(new BearerToken(token));

    /// <summary>Calls as a participant with exactly the given roles (no GLN for an administrator).</summary>
    public CallInvoker As(string? gln, params string[] roles) => With(DevTokens.Mint(Key, gln, roles, TimeSpan.FromMinutes(30)));

    /// <summary>Everything the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a server on its own ports against the given storage; extra settings as environment variables.</summary>
    public static async Task<ServerProcess> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var grpc = FreePort.Next();
        var http = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Server__GrpcPort"] = $"{grpc}",
            ["Server__HttpPort"] = $"{http}",
            ["Cluster__SiloPort"] = $"{FreePort.Next()}",
            ["Cluster__GatewayPort"] = $"{FreePort.Next()}",
            ["Cluster__ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Storage__ConnectionString"] = storageConnectionString,
            ["Auth__SigningKey"] = TestKey,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var server = new ServerProcess(environment, grpc, http);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Stops the server with SIGTERM (a graceful shutdown) and starts it again on the same ports and storage.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartProcessAsync();
    }

    /// <summary>Stops the server with SIGTERM; false when it had to be killed.</summary>
    public async Task<bool> StopAsync()
    {
        if (_process is null)
        {
            return true;
        }

        var graceful = await Processes.TerminateAsync(_process, TimeSpan.FromSeconds(60));
        _process.Dispose();
        _process = null;
        return graceful;
    }

    /// <summary>Kills the server at once (SIGKILL), as a crashed machine would; nothing is flushed or handed over.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP), as a long garbage-collection pause or a stalled machine would.</summary>
    public void Freeze() => Processes.Signal(_process ?? throw new InvalidOperationException("the server is not running"), Processes.SigStop);

    /// <summary>Wakes a frozen server (SIGCONT): it goes on with whatever it held.</summary>
    public void Thaw() => Processes.Signal(_process ?? throw new InvalidOperationException("the server is not running"), Processes.SigCont);

    /// <summary>Cuts the server off from the other silos, or mends it (the fault switch of a server started with Faults__SiloLinks=true).</summary>
    public async Task SetSiloLinksAsync(bool cut)
    {
        using var http = new HttpClient();
        var response = await http.PostAsync($"http://127.0.0.1:{HttpPort}/faults/silo-links/{(cut ? "cut" : "mend")}", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Starts the server again after a stop or a kill, on the same ports and settings.</summary>
    public Task StartAgainAsync() => _process is null ? StartProcessAsync() : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Bare.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var dll = RepositoryPaths.ServerDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await Processes.WaitForPortAsync(GrpcPort, TimeSpan.FromSeconds(60), process, () => Output);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("server did not become healthy:\n" + Output);
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (Environment.GetEnvironmentVariable("SUPPLYCHAIN_TEST_SERVER_LOG") is { Length: > 0 } file)
            {
                File.AppendAllText(file, $"[{GrpcPort}] {line}\n");
            }
        }
    }
}
