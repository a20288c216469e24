using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SupplyChain.Testing;

/// <summary>Starting, signalling and waiting for child processes.</summary>
public static class Processes
{
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    public const int SigTerm = 15;

    public const int SigStop = 19;

    public const int SigCont = 18;

    /// <summary>Sends a signal (SIGSTOP freezes a process as a long pause would, SIGCONT wakes it).</summary>
    public static void Signal(Process process, int signal)
    {
        if (kill(process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastWin32Error()}");
        }
    }

    /// <summary>Sends SIGTERM, as a container orchestrator or Ctrl+C would, and waits for the exit.</summary>
    public static async Task<bool> TerminateAsync(Process process, TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return true;
        }

        _ = kill(process.Id, SigTerm);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }

    /// <summary>Waits until something accepts TCP connections on 127.0.0.1:port.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, Process? process = null, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"process exited with {process.ExitCode} before port {port} opened:\n{diagnostics?.Invoke()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"nothing listened on port {port} within {timeout}:\n{diagnostics?.Invoke()}");
    }
}
