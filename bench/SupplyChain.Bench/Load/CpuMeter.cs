using System.Diagnostics;
using System.Globalization;

namespace SupplyChain.Bench.Load;

/// <summary>CPU time used by the server, Azurite, this benchmark process and the whole machine, read from /proc.</summary>
public sealed class CpuMeter(Func<int> serverPid, int? azuritePid)
{
    /// <summary>CPU so far; the server's pid is asked each time, as a restart changes it.</summary>
    public CpuSample Sample() =>
        new(ServerCpu(), azuritePid is { } a ? ProcessCpu(a) : TimeSpan.Zero, ProcessCpu(Environment.ProcessId), MachineBusy(), TimeSpan.Zero);

    private TimeSpan ServerCpu()
    {
        try
        {
            return ProcessCpu(serverPid());
        }
        catch (InvalidOperationException)
        {
            // The server is between a stop and a start.
            return TimeSpan.Zero;
        }
    }

    /// <summary>User plus system time of a process so far; zero when it is gone.</summary>
    private static TimeSpan ProcessCpu(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Time all cores spent not idle (the first line of /proc/stat, less idle and iowait).</summary>
    private static TimeSpan MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user)
        var busy = fields.Take(8).Sum() - fields[3] - fields[4];
        // /proc/stat counts in USER_HZ, 100 per second on Linux.
        return TimeSpan.FromSeconds(busy / 100.0);
    }
}

/// <summary>CPU time per process, and of the whole machine, over an interval of wall time.</summary>
public sealed record CpuSample(TimeSpan Server, TimeSpan Azurite, TimeSpan Bench, TimeSpan Machine, TimeSpan Wall)
{
    /// <summary>CPU the machine spent on anything but the server, Azurite and the benchmark: other people's work, the kernel.</summary>
    public TimeSpan Others => Machine - Server - Azurite - Bench;

    public static CpuSample operator +(CpuSample a, CpuSample b) =>
        new(a.Server + b.Server, a.Azurite + b.Azurite, a.Bench + b.Bench, a.Machine + b.Machine, a.Wall + b.Wall);

    public static CpuSample operator -(CpuSample after, CpuSample before) =>
        new(after.Server - before.Server, after.Azurite - before.Azurite, after.Bench - before.Bench, after.Machine - before.Machine, after.Wall - before.Wall);

    /// <summary>Share of one core used over the interval, in percent (200 % is both cores of a 2-core machine).</summary>
    public static double Percent(TimeSpan used, TimeSpan wall) => wall > TimeSpan.Zero ? 100 * used / wall : double.NaN;
}
