using System.Net;
using System.Net.Sockets;

namespace ComplianceReport.Reliability.Tests.Support;

/// <summary>
/// A free loopback port below the OS's ephemeral range. A silo that is killed and restarted keeps
/// its ports; an ephemeral port would meanwhile be handed out as the source port of some outgoing
/// connection (moto alone sees hundreds), and the restart would fail with "address in use".
/// </summary>
public static class StablePort
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        var low = EphemeralLow();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Math.Max(1024, low - 12000), low);
                if (Given.Contains(port))
                {
                    continue;
                }

                try
                {
                    using var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    Given.Add(port);
                    return port;
                }
                catch (SocketException)
                {
                    // Taken: try another.
                }
            }
        }

        throw new InvalidOperationException("No free port below the ephemeral range.");
    }

    private static int EphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var low) ? low : 32768;
    }
}
