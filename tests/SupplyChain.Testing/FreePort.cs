using System.Net;
using System.Net.Sockets;

namespace SupplyChain.Testing;

/// <summary>Ports nobody listens on, for processes a test starts.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    /// <summary>A free TCP port on 127.0.0.1 not handed out before in this process.</summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Given)
            {
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
    }

    /// <summary>A block of <paramref name="count"/> consecutive free ports.</summary>
    public static int Block(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Next();
            var ok = true;
            for (var p = first + 1; p < first + count && ok; p++)
            {
                ok = IsFree(p);
            }

            if (ok)
            {
                lock (Given)
                {
                    for (var p = first + 1; p < first + count; p++)
                    {
                        Given.Add(p);
                    }
                }

                return first;
            }
        }

        throw new InvalidOperationException($"no block of {count} free ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
